package io.teamsbridge.reply;

import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.MattermostWire.Post;
import io.teamsbridge.store.ChatThreadRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The posts made since an instant in the direct channels where replies can be written: those of the
 * users who have a chat thread. One request per such user; a look-back is rare (a start, a lost
 * WebSocket connection).
 */
@Component
class ReplyResync {
    private final ChatThreadRepository threads;
    private final BotMessenger messenger;

    ReplyResync(ChatThreadRepository threads, BotMessenger messenger) {
        this.threads = threads;
        this.messenger = messenger;
    }

    List<Post> postsSince(Instant since) {
        List<Post> posts = new ArrayList<>();
        for (String user : threads.usersWithThreads()) {
            posts.addAll(messenger.directPostsSince(user, since));
        }
        return posts;
    }
}
