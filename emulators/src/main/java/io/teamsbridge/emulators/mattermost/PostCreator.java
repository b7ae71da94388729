package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates posts as {@code App.CreatePost} does: {@code pending_post_id} de-duplication first (see
 * {@link PendingPostIds}), then validation (message length in runes against {@code MaxPostSize},
 * the thread root), {@code props.from_bot="true"} for bot authors, ids for attachment actions
 * (buttons), and the channel's
 * {@code last_post_at}. A failed creation forgets its pending id so a retry can go through.
 */
final class PostCreator {
    /** The server's {@code PostPropsMaxRunes}. */
    private static final int MAX_PROPS_RUNES = 800_000;

    /** What to create; ids and times are filled in here. */
    record Draft(String channelId, String message, String rootId, ObjectNode props, List<String> fileIds,
            String pendingPostId, String type) {}

    /** Ten 26-character ids fit {@code PostFileidsMaxRunes} (300); eleven do not. */
    static final int MAX_FILE_IDS = 10;

    private final PostStore posts;
    private final FileStore files;
    private final ChannelStore channels;
    private final PendingPostIds pendingPostIds;
    private final ServerConfig config;
    private final Clock clock;

    PostCreator(PostStore posts, FileStore files, ChannelStore channels, PendingPostIds pendingPostIds, ServerConfig config,
            Clock clock) {
        this.posts = posts;
        this.files = files;
        this.channels = channels;
        this.pendingPostIds = pendingPostIds;
        this.config = config;
        this.clock = clock;
    }

    Post create(User author, Draft draft) {
        String pending = draft.pendingPostId();
        if (pending.isEmpty()) {
            return save(author, draft);
        }
        switch (pendingPostIds.claim(pending)) {
            case PendingPostIds.Claim.InFlight inFlight -> throw new AppError(500,
                    "api.post.deduplicate_create_post.pending",
                    "Rejected post since another request with the same pending ID is currently being processed.");
            case PendingPostIds.Claim.Known known -> {
                return posts.get(known.postId()).filter(p -> !p.isDeleted()).orElseThrow(() -> new AppError(500,
                        "api.post.deduplicate_create_post.failed_to_get",
                        "Failed to fetch original post after deduplicating a client retry."));
            }
            case PendingPostIds.Claim.Fresh fresh -> {
                // fall through to creation below
            }
        }
        try {
            Post created = save(author, draft);
            pendingPostIds.complete(pending, created.id());
            return created;
        } catch (RuntimeException e) {
            pendingPostIds.release(pending);
            throw e;
        }
    }

    /** The server's message-length rule, shared with edits. */
    void checkMessage(String message) {
        if (message.codePointCount(0, message.length()) > config.current().maxPostSize()) {
            throw new AppError(400, "model.post.is_valid.message_length.app_error",
                    "Post Message property is longer than the maximum permitted length.");
        }
    }

    void checkProps(ObjectNode props) {
        String json = props.toString();
        if (json.codePointCount(0, json.length()) > MAX_PROPS_RUNES) {
            throw new AppError(400, "model.post.is_valid.props.app_error", "Invalid props.");
        }
    }

    /**
     * A reply's root, as {@code createPost} checks it: it must exist and not be deleted, be in the
     * same channel ({@code channel_root_id}, which {@code CreatePostAsUser} turns into a 400), and be
     * a root itself, since replies to replies are refused (reply to its root instead).
     */
    private void checkRoot(Draft draft) {
        if (draft.rootId().isEmpty()) {
            return;
        }
        AppError invalidRoot = new AppError(400, "api.post.create_post.root_id.app_error", "Invalid RootId parameter.");
        Post root = posts.get(draft.rootId()).filter(p -> !p.isDeleted()).orElseThrow(() -> invalidRoot);
        if (!root.channelId().equals(draft.channelId())) {
            throw new AppError(400, "api.post.create_post.channel_root_id.app_error",
                    "Invalid ChannelId for RootId parameter.");
        }
        if (!root.rootId().isEmpty()) {
            throw invalidRoot;
        }
    }

    /** The props as stored for this author: bots' posts are marked {@code from_bot}. */
    private static ObjectNode authorProps(User author, ObjectNode props) {
        ObjectNode copy = props.deepCopy();
        if (author.isBot()) {
            copy.put("from_bot", "true");
        }
        generateActionIds(copy);
        return copy;
    }

    /** {@code Post.GenerateActionIds}: every attachment action without an id gets one, so it can be clicked. */
    private static void generateActionIds(ObjectNode props) {
        for (JsonNode attachment : props.path("attachments").values()) {
            for (JsonNode action : attachment.path("actions").values()) {
                if (action.isObject() && action.path("id").asString("").isEmpty()) {
                    ((ObjectNode) action).put("id", Ids.newId());
                }
            }
        }
    }

    private Post save(User author, Draft draft) {
        checkMessage(draft.message());
        checkProps(draft.props());
        checkRoot(draft);
        if (draft.fileIds().size() > MAX_FILE_IDS) {
            throw new AppError(400, "model.post.is_valid.file_ids.app_error", "Invalid file ids.");
        }
        long now = clock.millis();
        String id = Ids.newId();
        // Files that cannot be attached are dropped silently, as the server only logs them.
        List<FileInfo> attached = draft.fileIds().isEmpty() ? List.of()
                : files.attach(draft.fileIds(), id, author.id(), draft.channelId(), now);
        ObjectNode metadata = Json.object();
        if (!attached.isEmpty()) {
            metadata.set("files", Wire.MAPPER.valueToTree(attached));
        }
        Post post = new Post(id, now, now, 0, 0, false, author.id(), draft.channelId(), draft.rootId(), "",
                draft.message(), draft.type(), authorProps(author, draft.props()), "", attached.stream().map(FileInfo::id).toList(),
                draft.pendingPostId(), 0, 0, metadata);
        posts.add(post);
        channels.recordPost(post.channelId(), now);
        return post;
    }
}
