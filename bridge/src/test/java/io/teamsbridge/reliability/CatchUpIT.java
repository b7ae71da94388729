package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Gaps in Graph's notifications are fetched again and delivered once: notifications dropped while
 * the bridge was down and the subscription removed meanwhile (found by the heartbeat at start), and
 * notifications Graph dropped while the bridge ran, reported by {@code missed}.
 */
class CatchUpIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private BridgeHarness harness() {
        return bridge.harness();
    }

    private void runCatchUp() {
        harness().bean("catchUpJob", PeriodicJob.class).runNow();
    }

    private record Pair(Person from, Person to, String chat) {}

    /** Someone who writes, and a connected person who is away in Teams, in a one-on-one chat. */
    private Pair pair() {
        World world = bridge.world();
        Person from = world.person("from");
        Person to = world.connected(world.person("to"));
        world.presence(to, "Away", "Away");
        return new Pair(from, to, world.chat("oneOnOne", null, from, to));
    }

    private static long count(List<JsonNode> posts, String text) {
        return posts.stream().filter(p -> p.path("message").asString().contains(text)).count();
    }

    @Test
    void messagesDroppedWhileTheBridgeWasDownArriveOnceAfterItStarts() {
        World world = bridge.world();
        JsonNode subscription = world.awaitSubscription();
        Pair pair = pair();
        Person from = pair.from();
        Person to = pair.to();
        String chat = pair.chat();
        String before = world.say(chat, from, "<p>before-the-gap</p>");
        String edited = world.say(chat, from, "<p>to-be-edited</p>");
        world.awaitProcessed(chat, before);
        world.awaitProcessed(chat, edited);
        runCatchUp(); // the heartbeat of a running bridge

        harness().stopBridge();
        harness().teams().faults(Map.of("dropDeliveries", true));
        List<String> gap = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            gap.add("gap-message-" + n);
            world.say(chat, from, "<p>gap-message-" + n + "</p>");
        }
        harness().teams().deleteMessage(chat, before);
        harness().teams().editMessage(chat, edited, "<p>edited-in-the-gap</p>");
        harness().teams().deleteSubscription(subscription.path("id").asString());
        harness().clock().advance(Duration.ofMinutes(10));
        harness().teams().faults(Map.of("dropDeliveries", false));
        assertThat(harness().teams().stats().path("notificationsDropped").asLong()).isGreaterThanOrEqualTo(7);

        harness().startBridge();
        await().atMost(Duration.ofSeconds(30)).until(() -> !world.awaitSubscription().path("id").asString()
                .equals(subscription.path("id").asString()));
        runCatchUp();

        await().atMost(Duration.ofSeconds(30)).until(() -> gap.stream().allMatch(m -> count(world.notifications(to), m) >= 1));
        String after = world.say(chat, from, "<p>after-the-gap</p>");
        world.awaitProcessed(chat, after);
        runCatchUp(); // a second pass finds nothing new
        await().atMost(Duration.ofSeconds(30)).until(() -> world.notifications(to).stream()
                .anyMatch(p -> p.path("message").asString().contains("edited-in-the-gap")));

        List<JsonNode> posts = world.notifications(to);
        gap.forEach(m -> assertThat(count(posts, m)).as(m).isEqualTo(1));
        assertThat(count(posts, "after-the-gap")).isEqualTo(1);
        assertThat(count(posts, "before-the-gap")).as("deleted in the gap: its post no longer shows it").isZero();
        assertThat(count(posts, "to-be-edited")).as("edited in the gap: its post shows the new text").isZero();
        assertThat(posts).hasSize(8);
        Reliability.report("subscription removed and notifications dropped while the bridge was down", 5,
                (int) gap.stream().filter(m -> count(posts, m) >= 1).count(),
                (int) gap.stream().mapToLong(m -> Math.max(0, count(posts, m) - 1)).sum());
    }

    @Test
    void notificationsGraphReportsMissedArriveOnce() {
        World world = bridge.world();
        JsonNode subscription = world.awaitSubscription();
        Pair pair = pair();
        Person from = pair.from();
        Person to = pair.to();
        String chat = pair.chat();
        String delivered = world.say(chat, from, "<p>delivered-normally</p>");
        world.awaitProcessed(chat, delivered);

        harness().teams().faults(Map.of("dropDeliveries", true));
        List<String> missed = new ArrayList<>();
        try {
            for (int n = 0; n < 3; n++) {
                missed.add("missed-message-" + n);
                world.say(chat, from, "<p>missed-message-" + n + "</p>");
            }
        } finally {
            harness().teams().faults(Map.of("dropDeliveries", false));
        }
        harness().clock().advance(Duration.ofSeconds(5));
        harness().teams().lifecycle(subscription.path("id").asString(), "missed");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            runCatchUp();
            return missed.stream().allMatch(m -> count(world.notifications(to), m) >= 1);
        });

        List<JsonNode> posts = world.notifications(to);
        missed.forEach(m -> assertThat(count(posts, m)).as(m).isEqualTo(1));
        assertThat(count(posts, "delivered-normally")).isEqualTo(1);
        Reliability.report("notifications dropped by Graph, then reported missed", 3,
                (int) missed.stream().filter(m -> count(posts, m) >= 1).count(),
                (int) missed.stream().mapToLong(m -> Math.max(0, count(posts, m) - 1)).sum());
    }

    @Test
    void aMessageWhoseRecordsWereLostIsFoundRatherThanPostedAgain() {
        World world = bridge.world();
        world.awaitSubscription();
        Pair pair = pair();
        Person from = pair.from();
        Person to = pair.to();
        String chat = pair.chat();
        String message = world.say(chat, from, "<p>posted-before-the-restore</p>");
        world.awaitProcessed(chat, message);
        String postId = world.notifications(to).getFirst().path("id").asString();
        // As after restoring a backup taken before this message: no inbox row, no delivery record.
        org.springframework.jdbc.core.simple.JdbcClient jdbc = harness().bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("DELETE FROM delivery WHERE chat_id = ?").param(chat).update();
        jdbc.sql("DELETE FROM inbox WHERE chat_id = ?").param(chat).update();

        harness().clock().advance(Duration.ofSeconds(5));
        harness().bean(io.teamsbridge.notify.CatchUp.class).scheduleRecent("a restored backup, in this test");
        runCatchUp();
        world.awaitProcessed(chat, message);

        assertThat(count(world.notifications(to), "posted-before-the-restore")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT post_ids FROM delivery WHERE chat_id = ? AND message_id = ?").params(chat, message)
                .query(String.class).single()).isEqualTo(postId);
    }

    @Test
    void messagesWrittenWhileGraphHadSilentlyLostTheSubscriptionArriveOnce() {
        World world = bridge.world();
        JsonNode subscription = world.awaitSubscription();
        Pair pair = pair();
        String normal = world.say(pair.chat(), pair.from(), "<p>before-the-loss</p>");
        world.awaitProcessed(pair.chat(), normal);

        harness().teams().deleteSubscription(subscription.path("id").asString()); // no lifecycle event
        List<String> unseen = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            unseen.add("while-lost-" + n);
            world.say(pair.chat(), pair.from(), "<p>while-lost-" + n + "</p>");
        }
        harness().bean("subscriptionJob", PeriodicJob.class).runNow(); // the periodic check finds it gone
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            runCatchUp();
            return unseen.stream().allMatch(m -> count(world.notifications(pair.to()), m) >= 1);
        });

        List<JsonNode> posts = world.notifications(pair.to());
        unseen.forEach(m -> assertThat(count(posts, m)).as(m).isEqualTo(1));
        assertThat(count(posts, "before-the-loss")).isEqualTo(1);
        assertThat(world.awaitSubscription().path("id").asString()).isNotEqualTo(subscription.path("id").asString());
        Reliability.report("subscription lost by Graph without a lifecycle event", 3,
                (int) unseen.stream().filter(m -> count(posts, m) >= 1).count(),
                (int) unseen.stream().mapToLong(m -> Math.max(0, count(posts, m) - 1)).sum());
    }
}
