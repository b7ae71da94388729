package io.teamsbridge.mattermost;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.crypto.ContextSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Interactive dialogs. Mattermost posts a submission without any authentication, so the dialog's
 * {@code state} carries its purpose, the user it was opened for and an expiry under a MAC; the
 * submission acts only when Mattermost's {@code user_id} is that user and the state is fresh.
 */
@Component
public class Dialogs {
    public static final String PATH = "/mattermost/dialogs";
    /** Long enough to read and fill in a dialog, short enough that a copied state is soon useless. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final MattermostClient client;
    private final ContextSigner signer;
    private final Clock clock;
    private final String url;

    Dialogs(MattermostClient client, ContextSigner signer, Clock clock, BridgeProperties bridge) {
        this.client = client;
        this.signer = signer;
        this.clock = clock;
        this.url = bridge.publicBase() + PATH;
    }

    /**
     * The user a trigger id was issued to. Mattermost's trigger ids are base64 of
     * {@code clientId:userId:millis:signature}; Mattermost checks the signature when a dialog is
     * opened with one, so a dialog opened for the user named here reaches that user or nobody.
     */
    public static Optional<String> userOfTrigger(String triggerId) {
        if (triggerId == null || triggerId.isBlank() || triggerId.length() > 2048) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getDecoder().decode(triggerId), StandardCharsets.UTF_8).split(":", 4);
            return parts.length == 4 && parts[1].matches("[a-z0-9]{26}") ? Optional.of(parts[1]) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a dialog for the trigger's user, who must be {@code mattermostUserId}.
     *
     * @param dialog the dialog's fields except {@code callback_id} and {@code state}, which this sets
     * @throws MattermostException when Mattermost refuses (an expired trigger, say)
     */
    public void open(String triggerId, String mattermostUserId, String purpose, Map<String, Object> dialog) {
        String expires = String.valueOf(clock.instant().plus(LIFETIME).getEpochSecond());
        String mac = signer.sign(List.of("dialog", purpose, mattermostUserId, expires));
        Map<String, Object> full = new HashMap<>(dialog);
        full.put("callback_id", purpose);
        full.put("state", String.join(":", purpose, mattermostUserId, expires, mac));
        client.openDialog(triggerId, url, full);
    }

    /** What a submission's state says, once verified. */
    sealed interface Check {
        record Valid(String purpose) implements Check {}

        record Expired() implements Check {}

        record Forged(String reason) implements Check {}
    }

    Check check(String state, String submitterId) {
        String[] parts = state == null ? new String[0] : state.split(":", -1);
        if (parts.length != 4 || !signer.verify(List.of("dialog", parts[0], parts[1], parts[2]), parts[3])) {
            return new Check.Forged("the dialog's state is not one the bridge made");
        }
        if (!parts[1].equals(submitterId)) {
            return new Check.Forged("the dialog was submitted by someone other than the user it was opened for");
        }
        try {
            return clock.instant().getEpochSecond() > Long.parseLong(parts[2]) ? new Check.Expired() : new Check.Valid(parts[0]);
        } catch (NumberFormatException e) {
            return new Check.Forged("the dialog's expiry is not a number");
        }
    }
}
