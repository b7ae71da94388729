package io.teamsbridge.mattermost;

import io.teamsbridge.mattermost.MattermostWire.NewPost;
import io.teamsbridge.mattermost.MattermostWire.Post;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Posts from the bot to one user: into their direct channel with the bot, or privately in a channel. */
@Component
public class BotMessenger {
    private static final Logger log = LoggerFactory.getLogger(BotMessenger.class);

    /** The props key that ties a forwarded post to its (message, user, part). */
    public static final String DELIVERY_PROP = "teamsbridge_delivery";
    private static final int LOOKUP_PAGE_SIZE = 100;
    private static final int LOOKUP_PAGES = 10;

    /** Direct channels never change id, so they are looked up once per user. */
    private final Map<String, String> directChannels = new ConcurrentHashMap<>();

    private final MattermostClient client;
    private final MattermostBot bot;

    public BotMessenger(MattermostClient client, MattermostBot bot) {
        this.client = client;
        this.bot = bot;
    }

    /**
     * Sends a message to the user.
     *
     * @param pendingPostId a deterministic id for de-duplication of retried posts, or null
     */
    public Post sendDirect(String mattermostUserId, String message, String pendingPostId) {
        return client.createPost(new NewPost(directChannel(mattermostUserId), message, pendingPostId, null, null));
    }

    /**
     * Sends one part of a notification: a deterministic {@code pending_post_id}, which Mattermost
     * recognises for about 30 seconds, and the same value under {@link #DELIVERY_PROP}, by which
     * {@link #findDirectPosts} finds the post however much later a retry comes.
     */
    public Post sendNotification(String mattermostUserId, String message, String deliveryKey, List<String> fileIds) {
        return sendNotification(mattermostUserId, message, deliveryKey, fileIds, null);
    }

    /** The same as a reply in the thread of {@code rootId}, or at the top of the channel when it is null. */
    public Post sendNotification(String mattermostUserId, String message, String deliveryKey, List<String> fileIds, String rootId) {
        return client.createPost(new NewPost(directChannel(mattermostUserId), message, deliveryKey, rootId,
                Map.of(DELIVERY_PROP, deliveryKey), fileIds.isEmpty() ? null : fileIds));
    }

    /** The props key that marks a Teams chat's thread root, with the chat's id. */
    public static final String THREAD_PROP = "teamsbridge_thread";

    /**
     * Starts a Teams chat's thread in the user's direct channel: a root post that names the chat,
     * which the chat's notifications then reply to. {@code key} is a deterministic
     * {@code pending_post_id}, so a root sent twice in quick succession is made once.
     */
    public Post startThread(String mattermostUserId, String chatId, String title, String key, Map<String, Object> moreProps) {
        Map<String, Object> props = new java.util.HashMap<>(moreProps);
        props.put(THREAD_PROP, chatId);
        return client.createPost(new NewPost(directChannel(mattermostUserId), title, key, null, props));
    }

    /** Whether Mattermost refused a reply because its thread's root is gone (deleted, or never there). */
    public static boolean rootGone(MattermostException e) {
        return e.status() == 400 && e.errorId() != null && e.errorId().startsWith("api.post.create_post.") && e.errorId().contains("root_id");
    }

    /** The files uploaded for one post, and how many Mattermost refused (too large, files disabled, ...). */
    public record Uploaded(List<String> fileIds, int refused) {}

    /**
     * Uploads files into the user's direct channel with the bot, to be attached to one post there.
     * A file Mattermost refuses is counted and left out; a failure worth retrying is thrown.
     */
    public Uploaded upload(String mattermostUserId, List<PostFile> files) {
        String channel = directChannel(mattermostUserId);
        List<String> ids = new java.util.ArrayList<>(files.size());
        int refused = 0;
        for (PostFile file : files) {
            try {
                ids.add(client.uploadFile(channel, file.name(), file.contentType(), file.bytes()));
            } catch (MattermostException e) {
                if (e.transientFailure() || e.botUnauthorized()) {
                    throw e;
                }
                log.info("Mattermost refused a file of {} bytes for user {}: {}", file.bytes().length, mattermostUserId, e.getMessage());
                refused++;
            }
        }
        return new Uploaded(List.copyOf(ids), refused);
    }

    /**
     * The bot's posts in its direct channel with the user that carry one of these delivery keys,
     * by key, looking back to {@code notBefore} (newest first, a bounded number of pages). Deleted
     * posts are not listed by Mattermost and so are not found.
     */
    public Map<String, String> findDirectPosts(String mattermostUserId, java.util.Set<String> deliveryKeys,
            java.time.Instant notBefore) {
        return findByProp(mattermostUserId, DELIVERY_PROP, deliveryKeys, notBefore);
    }

    /**
     * The root of the chat's thread, if the bot started one in its direct channel with the user
     * since {@code notBefore} (a root whose answer was lost, say): looked for before starting another.
     */
    public java.util.Optional<String> findThreadRoot(String mattermostUserId, String chatId, java.time.Instant notBefore) {
        return java.util.Optional.ofNullable(findByProp(mattermostUserId, THREAD_PROP, java.util.Set.of(chatId), notBefore).get(chatId));
    }

    /** The bot's posts in the direct channel whose {@code prop} has one of these values, by value (newest first). */
    private Map<String, String> findByProp(String mattermostUserId, String prop, java.util.Set<String> values,
            java.time.Instant notBefore) {
        Map<String, String> found = new java.util.HashMap<>();
        String channel = directChannel(mattermostUserId);
        for (int page = 0; page < LOOKUP_PAGES && found.size() < values.size(); page++) {
            java.util.List<Post> posts = client.channelPosts(channel, page, LOOKUP_PAGE_SIZE);
            for (Post post : posts) {
                Object value = post.props() == null ? null : post.props().get(prop);
                if (value instanceof String v && values.contains(v) && bot.userId().equals(post.userId())) {
                    found.putIfAbsent(v, post.id());
                }
            }
            if (posts.size() < LOOKUP_PAGE_SIZE
                    || posts.getLast().createAt() != null && posts.getLast().createAt() < notBefore.toEpochMilli()) {
                break;
            }
        }
        return found;
    }

    /**
     * Answers in a thread of the user's direct channel. {@code key} is a deterministic
     * {@code pending_post_id}, so an answer sent twice in quick succession is made once.
     */
    public Post replyInThread(String mattermostUserId, String rootId, String message, String key) {
        return client.createPost(new NewPost(directChannel(mattermostUserId), message, key, rootId,
                Map.of(Confirmations.KIND_PROP, "reply-outcome")));
    }

    /** Rewrites one of the bot's posts: its message and props (for example a root's button). */
    public void rewrite(String postId, String message, Map<String, Object> props) {
        client.patchPost(postId, message, props);
    }

    /** Puts the bot's reaction ({@code emoji}, without colons) on a post; doing it twice changes nothing. */
    public void react(String postId, String emoji) {
        client.addReaction(bot.userId(), postId, emoji);
    }

    /** The posts created or changed in the user's direct channel with the bot since {@code since}, oldest first. */
    public List<Post> directPostsSince(String mattermostUserId, java.time.Instant since) {
        return client.channelPostsSince(directChannel(mattermostUserId), since.toEpochMilli());
    }

    /** Sends a message with props (for example attachments with buttons) to the user's direct channel. */
    public Post sendDirect(String mattermostUserId, String message, Map<String, Object> props) {
        return client.createPost(new NewPost(directChannel(mattermostUserId), message, null, null, props));
    }

    /**
     * Tells the user something only they may see: as an ephemeral post in the channel where they
     * typed a command, or, when there is no such channel or Mattermost refuses, in their direct
     * channel with the bot. Never in a reply to the command request itself, which whoever made the
     * request receives.
     */
    public void tellPrivately(String mattermostUserId, String channelId, String message) {
        tellPrivately(mattermostUserId, channelId, message, List.of());
    }

    /** As {@link #tellPrivately(String, String, String)}, with buttons ({@link Buttons}) under the message. */
    public void tellPrivately(String mattermostUserId, String channelId, String message, List<Map<String, Object>> buttons) {
        Map<String, Object> props = buttons.isEmpty() ? Map.of(Confirmations.KIND_PROP, "reply")
                : Map.of(Confirmations.KIND_PROP, "reply", "attachments", List.of(Map.of("actions", buttons)));
        if (channelId != null && !channelId.isBlank()) {
            try {
                client.createEphemeralPost(mattermostUserId, channelId, message, props);
                return;
            } catch (MattermostException e) {
                log.debug("An ephemeral post for user {} failed ({}); sending it to their direct channel instead.",
                        mattermostUserId, e.getMessage());
            }
        }
        sendDirect(mattermostUserId, message, props);
    }

    /** Looked up outside any lock: two first calls for one user may both ask; both get the same id. */
    private String directChannel(String mattermostUserId) {
        String known = directChannels.get(mattermostUserId);
        if (known != null) {
            return known;
        }
        String id = client.directChannel(bot.userId(), mattermostUserId).id();
        directChannels.putIfAbsent(mattermostUserId, id);
        return id;
    }
}
