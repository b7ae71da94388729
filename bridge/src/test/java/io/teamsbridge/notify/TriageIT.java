package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.store.Decision;
import io.teamsbridge.store.DecisionRepository;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * New messages in chats where nobody is connected are acknowledged without being stored; the
 * moment someone in the chat connects the next message is stored, and after a disconnection
 * nobody is told and the chat is soon left out again. A message everyone it concerns is present
 * for, as last read, is settled as it arrives: stored done, listed once however often Graph
 * delivers it, and its edit finishes at once; once that presence is old, the worker looks again.
 */
class TriageIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("notifications.presence-cache-ttl", "20s")); // tests' default is 0

    private static World world;
    private static JdbcClient jdbc;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
        jdbc = bridge.harness().bean(JdbcClient.class);
    }

    private static long stored(String chat, String message) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox WHERE chat_id = ? AND message_id = ?").params(chat, message).query(Long.class).single();
    }

    private static double leftOut() {
        return received("nobody_connected");
    }

    private static double received(String outcome) {
        var counter = bridge.harness().bean(MeterRegistry.class).find("teamsbridge.notifications.received")
                .tags("change_type", "created", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String row(String chat, String message, String changeType) {
        return jdbc.sql("SELECT i.status, i.attempts, p.payload IS NOT NULL FROM inbox i LEFT JOIN inbox_payload p ON p.inbox_id = i.id "
                        + "WHERE i.chat_id = ? AND i.message_id = ? AND i.change_type = ?").params(chat, message, changeType)
                .query((rs, n) -> rs.getString(1) + " attempts " + rs.getInt(2) + (rs.getBoolean(3) ? " with payload" : "")).single();
    }

    private static long postsMentioning(Person to, String text) {
        return world.notifications(to).stream().filter(p -> p.path("message").asString().contains(text)).count();
    }

    @Test
    void aChatWithNobodyConnectedIsReadOnceAndItsNextMessagesAreNotStoredUntilAMemberConnects() {
        Person ann = world.person("ann");
        Person ben = world.person("ben");
        String chat = world.chat("oneOnOne", null, ann, ben);

        String first = world.say(chat, ann, "<p>first</p>");
        world.awaitProcessed(chat, first);
        assertThat(stored(chat, first)).as("a chat not known yet is stored, and the worker reads its members").isOne();

        double before = leftOut();
        String second = world.say(chat, ann, "<p>second</p>");
        world.awaitProcessed(chat, second);
        assertThat(bridge.harness().leftOutOfInbox(chat, second)).isTrue();
        assertThat(stored(chat, second)).isZero();
        assertThat(leftOut()).isEqualTo(before + 1);

        world.connected(ben);
        world.presence(ben, "Away", "Away");
        String third = world.say(chat, ann, "<p>third, ben is connected</p>");
        world.awaitProcessed(chat, third);
        assertThat(stored(chat, third)).as("a connection is seen at the next message").isOne();
        assertThat(postsMentioning(ben, "third, ben is connected")).isOne();

        world.commandConfirmed(ben.mattermostUserId(), "disconnect");
        String fourth = world.say(chat, ann, "<p>fourth, ben is gone</p>");
        world.awaitProcessed(chat, fourth);
        // The webhook trusts its last read of the connections where it says someone is connected (no
        // query per request): the fourth may be stored, and the worker, reading them as they are now,
        // tells nobody. From then on the chat is left out again.
        assertThat(postsMentioning(ben, "fourth")).isZero();
        String fifth = world.say(chat, ann, "<p>fifth, ben is still gone</p>");
        world.awaitProcessed(chat, fifth);
        assertThat(stored(chat, fifth)).as("a disconnection is seen by the next message after the worker's").isZero();
        assertThat(postsMentioning(ben, "fifth")).isZero();
    }

    @Test
    void anEditOfAMessageThatWasNotStoredFinishesAtOnceInsteadOfWaitingForItsCreation() {
        Person cy = world.person("cy");
        Person di = world.person("di");
        String chat = world.chat("group", "Nobody here", cy, di);
        world.awaitProcessed(chat, world.say(chat, cy, "<p>read the members</p>"));
        String message = world.say(chat, cy, "<p>typo</p>");
        world.awaitProcessed(chat, message);
        assertThat(stored(chat, message)).isZero();

        bridge.harness().teams().editMessage(chat, message, "<p>typo fixed</p>");
        world.awaitProcessed(chat, message, 1);

        assertThat(jdbc.sql("SELECT attempts FROM inbox WHERE chat_id = ? AND message_id = ? AND change_type = 'updated'")
                .params(chat, message).query(Integer.class).single()).as("done on its first attempt").isOne();
    }

    @Test
    void aMessageEveryoneItConcernsIsPresentForIsSettledAsItArrivesAndTheWorkerLooksAgainOnceThePresenceIsOld() {
        Person eve = world.connected(world.person("eve"));
        world.presence(eve, "Available", "Available");
        Person fay = world.person("fay");
        String chat = world.chat("oneOnOne", null, eve, fay);
        DecisionRepository decisions = bridge.harness().bean(DecisionRepository.class);

        String first = world.say(chat, fay, "<p>first: the worker reads the chat and eve's presence</p>");
        world.awaitProcessed(chat, first);
        assertThat(row(chat, first, "created")).isEqualTo("DONE attempts 1");

        double before = received("held_back");
        bridge.harness().teams().faults(Map.of("duplicateDeliveries", true));
        String second;
        try {
            second = world.say(chat, fay, "<p>second: eve is present, as read a moment ago</p>");
            world.awaitProcessed(chat, second);
            assertThat(row(chat, second, "created")).as("stored done, never claimed, no payload kept").isEqualTo("DONE attempts 0");
            await().atMost(Duration.ofSeconds(30)).until(() -> received("held_back") >= before + 2); // both copies arrived
        } finally {
            bridge.harness().teams().faults(Map.of("duplicateDeliveries", false));
        }
        bridge.harness().bean("decisionJournalJob", PeriodicJob.class).runNow(); // what the webhook decided, written now
        assertThat(decisions.latest(eve.mattermostUserId(), 10)).extracting(Decision::messageId, Decision::outcome, Decision::detail)
                .as("listed once each, as the worker lists them").containsExactly(
                        tuple(second, Decision.Outcome.PRESENT, "Available"), tuple(first, Decision.Outcome.PRESENT, "Available"));

        bridge.harness().teams().editMessage(chat, second, "<p>second, edited</p>");
        world.awaitProcessed(chat, second, 2);
        assertThat(row(chat, second, "updated")).as("no creation to wait for").isEqualTo("DONE attempts 1");

        world.presence(eve, "Away", "Away");
        bridge.harness().clock().advance(bridge.harness().bean(NotificationsProperties.class).presenceCacheTtl());
        String third = world.say(chat, fay, "<p>third: eve's presence as read is too old to settle on</p>");
        world.awaitProcessed(chat, third);
        assertThat(row(chat, third, "created")).isEqualTo("DONE attempts 1");
        assertThat(postsMentioning(eve, "third")).isOne();
        assertThat(postsMentioning(eve, "second")).isZero();
    }
}
