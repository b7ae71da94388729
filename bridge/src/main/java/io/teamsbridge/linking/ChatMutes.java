package io.teamsbridge.linking;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.ButtonHandler.ButtonReply;
import io.teamsbridge.mattermost.Buttons;
import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.store.ChatMuteRepository;
import io.teamsbridge.store.ChatMuteRepository.MutedChat;
import io.teamsbridge.store.ChatThreadRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Muting a Teams chat: the "Mute this chat" button on the root of the chat's thread (which then
 * offers "Unmute"), and {@code /msteams mute list|off}. A muted chat delivers nothing to that user
 * until unmuted; its decisions say so.
 */
@Component
public class ChatMutes {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatMutes.class);
    static final String MUTE = "mute-chat:";
    static final String UNMUTE = "unmute-chat:";
    /** A thread root stays for good, and so does its button. */
    private static final Duration BUTTON_LASTS = Duration.ofDays(3650);

    private final ChatMuteRepository mutes;
    private final ChatThreadRepository threads;
    private final Buttons buttons;
    private final BotMessenger messenger;
    private final Clock clock;
    private final String trigger;

    ChatMutes(ChatMuteRepository mutes, ChatThreadRepository threads, Buttons buttons, BotMessenger messenger, Clock clock,
            MattermostProperties mattermost) {
        this.mutes = mutes;
        this.threads = threads;
        this.buttons = buttons;
        this.messenger = messenger;
        this.clock = clock;
        this.trigger = "/" + mattermost.commandTrigger();
    }

    /** The props of a chat's thread root: the mark of its chat, and the button that mutes it or unmutes it. */
    public Map<String, Object> rootProps(String mattermostUserId, String chatId, boolean muted) {
        Map<String, Object> button = muted
                ? buttons.button("unmute", mattermostUserId, UNMUTE + chatId, "Unmute", "primary", BUTTON_LASTS)
                : buttons.button("mute", mattermostUserId, MUTE + chatId, "Mute this chat", "default", BUTTON_LASTS);
        return Map.of(BotMessenger.THREAD_PROP, chatId, "attachments", List.of(Map.of("actions", List.of(button))));
    }

    static boolean handles(String action) {
        return action.startsWith(MUTE) || action.startsWith(UNMUTE);
    }

    /** A press of the root's button: the chat muted or unmuted, and the root showing the other button. */
    ButtonReply pressed(String action, String mattermostUserId) {
        boolean mute = action.startsWith(MUTE);
        String chatId = action.substring(mute ? MUTE.length() : UNMUTE.length());
        String title = threads.root(mattermostUserId, chatId).map(ChatThreadRepository.Root::title).orElse("**Teams** · a chat");
        if (mute) {
            mutes.mute(mattermostUserId, chatId, title, clock.instant());
        } else {
            mutes.unmute(mattermostUserId, chatId);
        }
        return ButtonReply.update(rootText(title, mute), rootProps(mattermostUserId, chatId, mute));
    }

    /** What a thread root says: the chat, and whether it is muted. */
    public static String rootText(String title, boolean muted) {
        return muted ? title + "\n:no_bell: *Muted: nothing from this chat reaches you here until you unmute it.*" : title;
    }

    /** {@code /msteams mute list|off <n>|off all}. */
    String command(String mattermostUserId, List<String> args) {
        if (args.size() == 1 && args.getFirst().equals("list")) {
            return list(mattermostUserId);
        }
        if (args.size() == 2 && args.getFirst().equals("off")) {
            return off(mattermostUserId, args.get(1));
        }
        return "Usage: `" + trigger + " mute list` or `" + trigger + " mute off <number>|all`. A chat is muted with the "
                + "**Mute this chat** button at the top of its thread.";
    }

    private String list(String mattermostUserId) {
        List<MutedChat> muted = mutes.of(mattermostUserId);
        if (muted.isEmpty()) {
            return "You have no muted Teams chats. The **Mute this chat** button at the top of a chat's thread mutes it.";
        }
        StringBuilder out = new StringBuilder("#### Muted Teams chats\n");
        for (int i = 0; i < muted.size(); i++) {
            MutedChat chat = muted.get(i);
            out.append(i + 1).append(". ").append(chat.chatName().replace('\n', ' ')).append(" (muted ")
                    .append(chat.mutedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append(")\n");
        }
        return out.append("\n`").append(trigger).append(" mute off <number>` unmutes one, `").append(trigger)
                .append(" mute off all` all of them.").toString();
    }

    private String off(String mattermostUserId, String which) {
        if (which.equals("all")) {
            List<MutedChat> muted = mutes.of(mattermostUserId);
            int count = mutes.unmuteAll(mattermostUserId);
            muted.forEach(chat -> showUnmuted(mattermostUserId, chat.chatId()));
            return count == 0 ? "You had no muted Teams chats." : "Unmuted " + count + (count == 1 ? " Teams chat." : " Teams chats.");
        }
        List<MutedChat> muted = mutes.of(mattermostUserId);
        int number;
        try {
            number = Integer.parseInt(which);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1 || number > muted.size()) {
            return "There is no muted chat number " + MarkdownText.inline(which) + ". `" + trigger
                    + " mute list` shows them with their numbers.";
        }
        MutedChat chat = muted.get(number - 1);
        mutes.unmute(mattermostUserId, chat.chatId());
        showUnmuted(mattermostUserId, chat.chatId());
        return "Unmuted " + chat.chatName().replace('\n', ' ') + ". Its messages reach you here again.";
    }

    /**
     * The chat's thread root stops saying it is muted and offers "Mute this chat" again. Best effort:
     * the chat is unmuted either way, and a root that cannot be changed now still unmutes when pressed.
     */
    private void showUnmuted(String mattermostUserId, String chatId) {
        threads.root(mattermostUserId, chatId).ifPresent(root -> {
            try {
                messenger.rewrite(root.postId(), rootText(root.title(), false), rootProps(mattermostUserId, chatId, false));
            } catch (io.teamsbridge.mattermost.MattermostException e) {
                log.info("The thread root of chat {} for Mattermost user {} still says muted: {}", chatId, mattermostUserId,
                        e.getMessage());
            }
        });
    }
}
