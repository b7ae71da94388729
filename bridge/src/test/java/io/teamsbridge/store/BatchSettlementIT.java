package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.testing.BridgeExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A batch's posts, decisions and completion are written in one transaction: all of them, or none. */
class BatchSettlementIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false",
            "notifications.enabled", "false"));

    private static final String CHAT = "19:settled@thread.v2";

    private static Decision delivered(String user, String message, Instant at) {
        return new Decision(user, at, CHAT, message, "1:1 chat with Pat", "Pat", Decision.Outcome.DELIVERED, "");
    }

    private InboxItem claimed(String messageId, String claimant, Instant now) {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        inbox.insertAll(List.of(new NewInboxItem("settle-" + messageId, "subscription", "created", CHAT, messageId, "{}")), now);
        return bridge.harness().bean(InboxClaims.class).claimDue(claimant, now.plusSeconds(1), 1_000).stream()
                .filter(i -> i.messageId().equals(messageId)).findFirst().orElseThrow();
    }

    private String status(long inboxId) {
        return bridge.harness().bean(JdbcClient.class).sql("SELECT status FROM inbox WHERE id = ?").param(inboxId)
                .query(String.class).single();
    }

    @Test
    void theRecordsTheDecisionsAndTheCompletionAreWrittenTogether() {
        Instant now = Instant.now();
        InboxItem item = claimed("s1", "settler-1", now);

        bridge.harness().bean(BatchSettlement.class).commit(new BatchSettlement.Writes(
                List.of(new DeliveryRepository.Posted(CHAT, "s1", "mm-user-1", List.of("post-a", "post-b"), now)),
                List.of(delivered("mm-user-1", "s1", now)), List.of(), List.of(item.id()), "settler-1"));

        assertThat(status(item.id())).isEqualTo("DONE");
        assertThat(bridge.harness().bean(DeliveryRepository.class).findForMessage(CHAT, "s1")).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(Delivery.Status.POSTED);
                    assertThat(d.parts()).containsExactly("post-a", "post-b");
                });
        assertThat(bridge.harness().bean(DecisionRepository.class).latest("mm-user-1", 10)).extracting(Decision::messageId)
                .contains("s1");
    }

    @Test
    void whenOneWriteFailsNothingIsWrittenAndTheItemStaysClaimed() {
        Instant now = Instant.now();
        InboxItem item = claimed("s2", "settler-2", now);
        BatchSettlement settlement = bridge.harness().bean(BatchSettlement.class);

        assertThatThrownBy(() -> settlement.commit(new BatchSettlement.Writes(
                List.of(new DeliveryRepository.Posted(CHAT, "s2", "mm-user-2", List.of("post-c"), now),
                        new DeliveryRepository.Posted(CHAT, "s2", null, List.of("post-d"), now)), // no user: refused
                List.of(delivered("mm-user-2", "s2", now)), List.of(), List.of(item.id()), "settler-2")))
                .isInstanceOf(RuntimeException.class);

        assertThat(status(item.id())).isEqualTo("CLAIMED");
        assertThat(bridge.harness().bean(DeliveryRepository.class).findForMessage(CHAT, "s2")).isEmpty();
        assertThat(bridge.harness().bean(DecisionRepository.class).latest("mm-user-2", 10)).isEmpty();

        // The same writes without the bad one settle it, and writing a record again changes nothing.
        settlement.commit(new BatchSettlement.Writes(
                List.of(new DeliveryRepository.Posted(CHAT, "s2", "mm-user-2", List.of("post-c"), now)),
                List.of(), List.of(), List.of(item.id()), "settler-2"));
        settlement.commit(new BatchSettlement.Writes(
                List.of(new DeliveryRepository.Posted(CHAT, "s2", "mm-user-2", List.of("post-c"), now)),
                List.of(), List.of(), List.of(), "settler-2"));
        assertThat(status(item.id())).isEqualTo("DONE");
        assertThat(bridge.harness().bean(DeliveryRepository.class).findForMessage(CHAT, "s2")).singleElement()
                .extracting(Delivery::parts).isEqualTo(List.of("post-c"));
    }
}
