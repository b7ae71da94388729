package io.teamsbridge.mattermost;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Changes a user asks for with a slash command are made only once they confirm them where only
 * they can: a message in their direct channel with the bot, with a button ({@link Buttons}). A
 * slash-command request proves only which team it came from, so anyone who can read the team's
 * command token could send one in someone else's name; only that person can press a button in
 * their own direct channel.
 */
@Component
public class Confirmations {
    /** A post prop that marks the bot's answers to commands, apart from its notifications. */
    public static final String KIND_PROP = "teamsbridge_kind";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final BotMessenger messenger;
    private final Buttons buttons;

    Confirmations(BotMessenger messenger, Buttons buttons) {
        this.messenger = messenger;
        this.buttons = buttons;
    }

    /** Sends the user the question with one button that confirms {@code action}. */
    public void ask(String mattermostUserId, String question, String action, String buttonLabel) {
        Map<String, Object> attachment = Map.of("text", "This button works for " + LIFETIME.toMinutes() + " minutes.",
                "actions", List.of(buttons.button("confirm", mattermostUserId, action, buttonLabel, "primary", LIFETIME)));
        messenger.sendDirect(mattermostUserId, question,
                Map.<String, Object>of("attachments", List.of(attachment), KIND_PROP, "confirmation"));
    }
}
