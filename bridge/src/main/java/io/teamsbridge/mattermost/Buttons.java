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
 * Buttons in the bot's messages. Mattermost sends a pressed button's context back without any
 * authentication, so the context carries the action, the user it was made for and an expiry under
 * a MAC: it cannot be changed, moved to another user, or kept past its time. The presser's id,
 * which Mattermost sets, must be that user.
 */
@Component
public class Buttons {
    public static final String PATH = "/mattermost/actions";

    private final ContextSigner signer;
    private final Clock clock;
    private final String url;

    Buttons(ContextSigner signer, Clock clock, BridgeProperties bridge) {
        this.signer = signer;
        this.clock = clock;
        this.url = bridge.publicBase() + PATH;
    }

    /**
     * A button (for a post's {@code attachments[].actions}) that only {@code mattermostUserId} can
     * use, for {@code lifetime}.
     *
     * @param style {@code default}, {@code primary}, {@code danger}, …
     */
    public Map<String, Object> button(String mattermostUserId, String action, String label, String style, Duration lifetime) {
        return button(action.replaceAll("[^A-Za-z0-9]", ""), mattermostUserId, action, label, style, lifetime);
    }

    /** As {@link #button(String, String, String, String, Duration)}, with the button's id in its post. */
    public Map<String, Object> button(String id, String mattermostUserId, String action, String label, String style,
            Duration lifetime) {
        String expires = String.valueOf(clock.instant().plus(lifetime).getEpochSecond());
        Map<String, Object> context = Map.of("action", action, "user_id", mattermostUserId, "expires", expires,
                "mac", signer.sign(List.of(action, mattermostUserId, expires)));
        return Map.of("id", id, "name", label, "type", "button", "style", style,
                "integration", Map.of("url", url, "context", context));
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
