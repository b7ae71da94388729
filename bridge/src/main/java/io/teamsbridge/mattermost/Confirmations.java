package io.teamsbridge.mattermost;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.crypto.ContextSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Changes a user asks for with a slash command are made only once they confirm them where only
 * they can: a message in their direct channel with the bot, with a button. A slash-command request
 * proves only which team it came from, so anyone who can read the team's command token could send
 * one in someone else's name; only that person can press a button in their own direct channel.
 *
 * <p>Mattermost sends the button's context back without any authentication, so the context
 * carries the action, the user and an expiry under a MAC: it cannot be changed, moved to another
 * user, or kept for later.
 */
@Component
public class Confirmations {
    public static final String PATH = "/mattermost/actions";
    /** A post prop that marks the bot's answers to commands, apart from its notifications. */
    public static final String KIND_PROP = "teamsbridge_kind";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final BotMessenger messenger;
    private final ContextSigner signer;
    private final Clock clock;
    private final String url;

    Confirmations(BotMessenger messenger, ContextSigner signer, Clock clock, BridgeProperties bridge) {
        this.messenger = messenger;
        this.signer = signer;
        this.clock = clock;
        this.url = bridge.publicBase() + PATH;
    }

    /** Sends the user the question with one button that confirms {@code action}. */
    public void ask(String mattermostUserId, String question, String action, String buttonLabel) {
        String expires = String.valueOf(clock.instant().plus(LIFETIME).getEpochSecond());
        Map<String, Object> context = Map.of("action", action, "user_id", mattermostUserId, "expires", expires,
                "mac", signer.sign(List.of(action, mattermostUserId, expires)));
        Map<String, Object> button = Map.of("id", "confirm", "name", buttonLabel, "type", "button", "style", "primary",
                "integration", Map.of("url", url, "context", context));
        Map<String, Object> attachment = Map.of("text", "This button works for " + LIFETIME.toMinutes() + " minutes.",
                "actions", List.of(button));
        messenger.sendDirect(mattermostUserId, question,
                Map.<String, Object>of("attachments", List.of(attachment), KIND_PROP, "confirmation"));
    }

    /** What a pressed button's context says, once verified. */
    sealed interface Check {
        record Valid(String action) implements Check {}

        record Expired() implements Check {}

        record Forged(String reason) implements Check {}
    }

    /** Verifies a button's context against the user Mattermost says pressed it. */
    Check check(JsonNode context, String presserId) {
        String action = text(context, "action").orElse(null);
        String user = text(context, "user_id").orElse(null);
        String expires = text(context, "expires").orElse(null);
        if (action == null || user == null || expires == null
                || !signer.verify(List.of(action, user, expires), text(context, "mac").orElse(null))) {
            return new Check.Forged("the button's context is not one the bridge made");
        }
        if (!user.equals(presserId)) {
            return new Check.Forged("the button was pressed by someone other than the user it was made for");
        }
        long until;
        try {
            until = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return new Check.Forged("the button's expiry is not a number");
        }
        return clock.instant().getEpochSecond() > until ? new Check.Expired() : new Check.Valid(action);
    }

    private static Optional<String> text(JsonNode context, String field) {
        JsonNode value = context == null ? null : context.get(field);
        return value != null && value.isString() && !value.asString().isEmpty() && value.asString().length() <= 256
                ? Optional.of(value.asString()) : Optional.empty();
    }
}
