package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A claim keeps each chat in order: an item waiting for its retry holds back the later items of its
 * chat and no other. Checked both ways the claim finds waiting items: all read at once (the usual
 * case) and, when too many wait, looked up by the candidates' chats.
 */
class InboxClaimsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false",
            "notifications.enabled", "false"));

    @ParameterizedTest(name = "waiting items read at once up to {0}")
    @ValueSource(ints = {InboxClaims.WAITING_AT_ONCE, 0})
    void anItemWaitingForItsRetryHoldsBackOnlyItsOwnChat(int waitingAtOnce) {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        // Received "in the future", so the running worker (on the real clock) leaves them alone.
        Instant received = Instant.now().plus(Duration.ofDays(10 + waitingAtOnce)).truncatedTo(ChronoUnit.MILLIS);
        String held = "19:held-" + waitingAtOnce + "@thread.v2";
        String free = "19:free-" + waitingAtOnce + "@thread.v2";
        inbox.insertAll(List.of(item(held, "m1"), item(held, "m2"), item(free, "m3")), received);
        jdbc.sql("UPDATE inbox SET next_attempt_at = ? WHERE dedupe_key = ?")
                .params(AccountLinkRepository.utc(received.plus(Duration.ofHours(1))), key(held, "m1"))
                .update();

        List<InboxItem> claimed = bridge.harness().bean(InboxClaims.class)
                .claimDue("claims-test-" + waitingAtOnce, received.plusSeconds(1), 10, waitingAtOnce);

        assertThat(claimed).extracting(InboxItem::messageId).containsExactly("m3");
    }

    private static NewInboxItem item(String chatId, String messageId) {
        return new NewInboxItem(key(chatId, messageId), "subscription", "created", chatId, messageId, "{}");
    }

    private static String key(String chatId, String messageId) {
        return chatId + "/" + messageId;
    }
}
