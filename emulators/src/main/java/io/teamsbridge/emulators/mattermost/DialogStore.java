package io.teamsbridge.emulators.mattermost;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Trigger ids handed out with each command execution, and the dialogs opened with them. A trigger
 * id is the credential of {@code dialogs/open} and lives for
 * {@code OutgoingIntegrationRequestsTimeout} seconds, as {@code DecodeAndVerifyTriggerId} allows.
 * The real id is signed; here it is random, which is as unguessable.
 */
final class DialogStore {
    /** Who a trigger id was issued to, and where. */
    record Trigger(String clientTriggerId, String userId, String channelId, String teamId, long issuedAt) {}

    private final Clock clock;
    private final ConcurrentHashMap<String, Trigger> triggers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, OpenDialog> dialogs = new ConcurrentHashMap<>();

    DialogStore(Clock clock) {
        this.clock = clock;
    }

    /** Issues a trigger id in the server's shape: base64 of {@code clientId:userId:millis:signature}. */
    String issueTrigger(String userId, String channelId, String teamId) {
        long now = clock.millis();
        String clientId = Ids.newId();
        String raw = clientId + ":" + userId + ":" + now + ":" + Ids.newId() + Ids.newId();
        String triggerId = Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        triggers.put(triggerId, new Trigger(clientId, userId, channelId, teamId, now));
        return triggerId;
    }

    Optional<Trigger> trigger(String triggerId) {
        return Optional.ofNullable(triggerId == null ? null : triggers.get(triggerId));
    }

    /** The trigger if it is known and younger than the timeout, else the server's 400s. */
    Trigger requireFresh(String triggerId, long timeoutMillis) {
        Trigger trigger = trigger(triggerId).orElseThrow(() -> new AppError(400,
                "interactive_message.decode_trigger_id.missing_data", "Trigger ID missing required data."));
        if (clock.millis() - trigger.issuedAt() > timeoutMillis) {
            throw new AppError(400, "interactive_message.decode_trigger_id.expired",
                    "Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of "
                            + timeoutMillis / 1000 + "s.");
        }
        return trigger;
    }

    OpenDialog open(Trigger trigger, String url, JsonNode dialog) {
        OpenDialog open = new OpenDialog(Ids.newId(), trigger.userId(), trigger.channelId(), trigger.teamId(), url,
                trigger.clientTriggerId(), dialog.deepCopy(), clock.millis());
        dialogs.put(open.id(), open);
        return open;
    }

    Optional<OpenDialog> get(String id) {
        return Optional.ofNullable(dialogs.get(id));
    }

    void close(String id) {
        dialogs.remove(id);
    }

    List<OpenDialog> forUser(String userId) {
        return dialogs.values().stream()
                .filter(d -> d.userId().equals(userId))
                .sorted(Comparator.comparingLong(OpenDialog::createAt).thenComparing(OpenDialog::id))
                .toList();
    }
}
