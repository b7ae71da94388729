package io.teamsbridge.mattermost;

import io.teamsbridge.mattermost.MattermostWire.NewPost;
import io.teamsbridge.mattermost.MattermostWire.Post;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Posts from the bot into a user's direct channel with the bot. */
@Component
public class BotMessenger {
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
        String channelId = directChannels.computeIfAbsent(mattermostUserId,
                user -> client.directChannel(bot.userId(), user).id());
        return client.createPost(new NewPost(channelId, message, pendingPostId, null, null));
    }
}
