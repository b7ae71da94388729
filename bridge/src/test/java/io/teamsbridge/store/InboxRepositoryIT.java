package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox takes each notification once, however often it arrives: twice in one request, or in two
 * requests at once; its payload is kept while the item is open. A message settled as it arrives is
 * stored done, and a redelivery of it is not reported as newly settled.
 */
class InboxRepositoryIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false",
            "notifications.enabled", "false"));

    private static NewInboxItem item(String key) {
        return new NewInboxItem(key, "subscription", "created", "19:chat@thread.v2", key, "{}");
    }

    private long rows(String key) {
        return bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM inbox WHERE dedupe_key = ?").param(key)
                .query(Long.class).single();
    }

    @Test
    void aNotificationRepeatedInsideOneRequestIsStoredOnce() {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        assertThat(inbox.insertAll(List.of(item("twice-1"), item("twice-1"), item("twice-2")), Instant.now())).isEqualTo(2);
        assertThat(rows("twice-1")).isEqualTo(1);
        assertThat(inbox.insertAll(List.of(item("twice-1"), item("twice-2")), Instant.now())).isZero();
        assertThat(rows("twice-2")).isEqualTo(1);
    }

    @Test
    void twoCopiesOfOneRequestStoredAtTheSameTimeMakeEachNotificationOnce() throws Exception {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                List<NewInboxItem> request = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    request.add(item("race-" + round + "-" + i));
                }
                CountDownLatch go = new CountDownLatch(1);
                Callable<Integer> store = () -> {
                    go.await();
                    return inbox.insertAll(request, Instant.now());
                };
                Future<Integer> first = pool.submit(store);
                Future<Integer> second = pool.submit(store);
                go.countDown();

                assertThat(first.get() + second.get()).isEqualTo(request.size());
                for (NewInboxItem item : request) {
                    assertThat(rows(item.dedupeKey())).isEqualTo(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anItemCarriesItsPayloadWhileItIsOpenAndNoneOnceFinished() {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        InboxClaims claims = bridge.harness().bean(InboxClaims.class);
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        Instant now = Instant.now();
        List<NewInboxItem> three = List.of(
                new NewInboxItem("payload-1", "subscription", "created", "19:payload-a@thread.v2", "p1", "{\"n\":1}"),
                new NewInboxItem("payload-2", "subscription", "created", "19:payload-b@thread.v2", "p2", "{\"n\":2}"),
                new NewInboxItem("payload-3", "subscription", "created", "19:payload-c@thread.v2", "p3", "{\"n\":3}"));
        inbox.insertAll(three, now);

        List<InboxItem> claimed = claims.claimDue("payload-worker", now.plusSeconds(1), 1_000).stream() // past the other tests' items
                .filter(i -> i.messageId().startsWith("p")).toList();
        assertThat(claimed).extracting(InboxItem::messageId, InboxItem::payload).containsExactly(
                org.assertj.core.groups.Tuple.tuple("p1", "{\"n\":1}"), org.assertj.core.groups.Tuple.tuple("p2", "{\"n\":2}"),
                org.assertj.core.groups.Tuple.tuple("p3", "{\"n\":3}"));

        assertThat(inbox.completeAll(List.of(claimed.get(0).id()), "payload-worker")).isOne();
        assertThat(inbox.fail(claimed.get(1).id(), "payload-worker", "unreadable")).isTrue();
        assertThat(inbox.completeAll(List.of(claimed.get(2).id()), "a worker whose claim lapsed")).isZero();

        assertThat(jdbc.sql("SELECT i.message_id FROM inbox_payload p JOIN inbox i ON i.id = p.inbox_id WHERE i.message_id IN "
                        + "('p1', 'p2', 'p3')").query(String.class).list())
                .as("only the item still claimed keeps its payload").containsExactly("p3");
        assertThat(inbox.latestFailed(10)).filteredOn(i -> i.messageId().equals("p2")).singleElement()
                .extracting(InboxItem::payload).isEqualTo("");
    }

    @Test
    void aMessageSettledAsItArrivesIsStoredDoneWithoutItsPayloadAndARedeliveryIsNotNewlySettled() {
        InboxRepository inbox = bridge.harness().bean(InboxRepository.class);
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        Instant now = Instant.now();
        String chat = "19:arrival@thread.v2";
        NewInboxItem open = new NewInboxItem("arrival-open", "subscription", "created", chat, "arrival-1", "{\"n\":1}");
        NewInboxItem held = new NewInboxItem("arrival-held", "subscription", "created", chat, "arrival-2", "{\"n\":2}");

        InboxRepository.Stored stored = inbox.insertAll(List.of(open), List.of(held, held), now);
        assertThat(stored.inserted()).as("a repeat inside the request counts once").isEqualTo(2);
        assertThat(stored.newlySettled()).containsExactly("arrival-held");

        assertThat(jdbc.sql("SELECT i.message_id, i.status, i.attempts, p.payload FROM inbox i LEFT JOIN inbox_payload p "
                        + "ON p.inbox_id = i.id WHERE i.chat_id = ? ORDER BY i.id").param(chat)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4)).list())
                .containsExactly("arrival-1 PENDING 0 {\"n\":1}", "arrival-2 DONE 0 null");

        InboxRepository.Stored again = inbox.insertAll(List.of(), List.of(held), now.plusSeconds(1));
        assertThat(again.inserted()).as("Graph delivers it again").isZero();
        assertThat(again.newlySettled()).isEmpty();
    }
}
