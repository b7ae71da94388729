package io.teamsbridge.notify;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.linking.ChatMutes;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.store.ChatThreadRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * [deliver] One thread per Teams chat in each user's direct channel with the bot: the first
 * notification from a chat starts it with a root post that names the chat, and every notification
 * from that chat replies in it, so Mattermost's own following, unread counts and collapsed threads
 * work per chat. The root is remembered per (user, chat); one Mattermost no longer has is
 * forgotten and a new one started. The root carries the chat's "Mute this chat" button
 * ({@link ChatMutes}).
 */
@Component
class ChatThreads {
    /** How far back a root made without a record is looked for, as {@link Deliverer#LOOKBACK} for posts. */
    static final java.time.Duration LOOKBACK = Deliverer.LOOKBACK;

    private final ChatThreadRepository roots;
    private final BotMessenger messenger;
    private final Clock clock;
    private final ChatMutes mutes;

    ChatThreads(ChatThreadRepository roots, BotMessenger messenger, Clock clock, ChatMutes mutes) {
        this.mutes = mutes;
        this.roots = roots;
        this.messenger = messenger;
        this.clock = clock;
    }

    /**
     * The root post the recipient's notification from this chat replies to, started now if there
     * is none yet.
     *
     * @param recorded the root as recorded when the batch was read, or null to read it now: a
     *     recorded root that has gone since fails the post, and the caller asks again without it
     * @throws io.teamsbridge.mattermost.MattermostException when Mattermost cannot take the root now
     */
    String rootFor(String mattermostUserId, String recipientTeamsId, ChatInfo chat, String recorded) {
        Optional<String> known = recorded != null ? Optional.of(recorded) : roots.rootOf(mattermostUserId, chat.chatId());
        if (known.isPresent()) {
            return known.get();
        }
        String title = title(chat, recipientTeamsId);
        // A root whose answer was lost exists without a record: found, it is not started twice.
        Optional<String> made = messenger.findThreadRoot(mattermostUserId, chat.chatId(), clock.instant().minus(LOOKBACK));
        if (made.isPresent()) {
            return roots.remember(mattermostUserId, chat.chatId(), made.get(), title, clock.instant());
        }
        String root = messenger.startThread(mattermostUserId, chat.chatId(), title, key(mattermostUserId, chat.chatId()),
                mutes.rootProps(mattermostUserId, chat.chatId(), false)).id();
        return roots.remember(mattermostUserId, chat.chatId(), root, title, clock.instant());
    }

    /** The root is gone from Mattermost (an administrator deleted it): the next notification starts a new one. */
    void lost(String mattermostUserId, String chatId, String rootPostId) {
        roots.forget(mattermostUserId, chatId, rootPostId);
    }

    /** What the root says: the chat as this member knows it. */
    static String title(ChatInfo chat, String recipientTeamsId) {
        String label = ChatLabels.of(chat, recipientTeamsId);
        return "**Teams** · " + MarkdownText.inline(Character.toUpperCase(label.charAt(0)) + label.substring(1));
    }

    /** A deterministic {@code pending_post_id}: a root sent twice in quick succession is made once. */
    private static String key(String mattermostUserId, String chatId) {
        return "tt" + Tokens.sha256(chatId + "|" + mattermostUserId).substring(0, 40);
    }
}
