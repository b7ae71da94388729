package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * New messages in chats where nobody is connected are acknowledged without being stored; the
 * moment someone in the chat connects the next message is stored, and after a disconnection
 * nobody is told and the chat is soon left out again.
 */
class TriageIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

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
        var counter = bridge.harness().bean(MeterRegistry.class).find("teamsbridge.notifications.received")
                .tags("change_type", "created", "outcome", "nobody_connected").counter();
        return counter == null ? 0 : counter.count();
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
}
