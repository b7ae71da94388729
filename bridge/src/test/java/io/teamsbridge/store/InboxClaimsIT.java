package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A claim keeps each chat in order: an item waiting for its retry holds back the later items of its
 * chat and no other, and however many items wait ahead of it, a due item is claimed.
 */
class InboxClaimsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false",
            "notifications.enabled", "false"));

    @Test
    void anItemWaitingForItsRetryHoldsBackOnlyItsOwnChat() {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        // Received "in the future", so the running worker (on the real clock) leaves them alone.
        Instant received = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MILLIS);
        String held = "19:held@thread.v2";
        String free = "19:free@thread.v2";
        inbox.insertAll(List.of(item(held, "m1"), item(held, "m2"), item(free, "m3")), received);
        jdbc.sql("UPDATE inbox SET next_attempt_at = ? WHERE dedupe_key = ?")
                .params(AccountLinkRepository.utc(received.plus(Duration.ofHours(1))), key(held, "m1"))
                .update();

        List<InboxItem> claimed = bridge.harness().bean(InboxClaims.class).claimDue("claims-held", received.plusSeconds(1), 10);

        assertThat(claimed).extracting(InboxItem::messageId).containsExactly("m3");
    }

    @Test
    void aDueItemBehindThousandsOfWaitingOnesIsClaimed() {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        Instant received = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        List<NewInboxItem> waiting = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            waiting.add(item("19:waiting-" + i + "@thread.v2", "w" + i));
        }
        inbox.insertAll(waiting, received);
        jdbc.sql("UPDATE inbox SET next_attempt_at = ? WHERE dedupe_key LIKE '19:waiting-%'")
                .param(AccountLinkRepository.utc(received.plus(Duration.ofHours(1))))
                .update();
        inbox.insertAll(List.of(item("19:behind@thread.v2", "due")), received);

        List<InboxItem> claimed = bridge.harness().bean(InboxClaims.class).claimDue("claims-behind", received.plusSeconds(1), 10);

        // (The other test's items, due by now, may come along.)
        assertThat(claimed).extracting(InboxItem::messageId).contains("due").noneMatch(id -> id.startsWith("w"));
    }

    private static NewInboxItem item(String chatId, String messageId) {
        return new NewInboxItem(key(chatId, messageId), "subscription", "created", chatId, messageId, "{}");
    }

    private static String key(String chatId, String messageId) {
        return chatId + "/" + messageId;
    }
}
