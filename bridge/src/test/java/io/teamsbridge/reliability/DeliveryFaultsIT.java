package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Faults around one delivery, on the movable clock (minutes pass in milliseconds): a post whose
 * answer was lost, in one part and in several; a poison item in a busy chat; a deletion while its
 * message waits for a retry; a batch slower than the claim lease; and the bot's token disabled and
 * enabled again. Each ends with every message delivered exactly once (or, for the deleted one, not
 * at all).
 */
class DeliveryFaultsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("notifications.retry-max-delay", "10s",
            "notifications.claim-lease", "20s"));

    private BridgeHarness harness() {
        return bridge.harness();
    }

    private JdbcClient jdbc() {
        return harness().bean(JdbcClient.class);
    }

    private record Pair(Person from, Person to, String chat) {}

    /** A 1:1 chat whose reader is away and gets flat posts (no thread root to stand in the way of the faults). */
    private Pair pair() {
        Pair pair = threadedPair();
        harness().bean(io.teamsbridge.store.PreferenceRepository.class).putAll(pair.to().mattermostUserId(),
                Map.of("thread-per-chat", "off"), harness().clock().instant());
        return pair;
    }

    private Pair threadedPair() {
        World world = bridge.world();
        world.awaitSubscription();
        Person from = world.person("from");
        Person to = world.connectedAndAway("to");
        return new Pair(from, to, world.chat("oneOnOne", null, from, to));
    }

    /** The person's notification posts that are not deleted. */
    private List<JsonNode> live(Person person) {
        return bridge.world().notifications(person).stream().filter(p -> p.path("delete_at").asLong() == 0).toList();
    }

    private List<String> inboxStates(String chat, String message) {
        return jdbc().sql("SELECT status FROM inbox WHERE chat_id = ? AND message_id = ? ORDER BY id").params(chat, message)
                .query(String.class).list();
    }

    private boolean waitingForRetry(String chat, String message) {
        return jdbc().sql("SELECT COUNT(*) FROM inbox WHERE chat_id = ? AND message_id = ? AND change_type = 'created' "
                + "AND status = 'PENDING' AND attempts >= 1").params(chat, message).query(Long.class).single() == 1;
    }

    private boolean processed(String chat, String message) {
        List<String> states = inboxStates(chat, message);
        return !states.isEmpty() && states.stream().allMatch(s -> s.equals("DONE") || s.equals("FAILED"));
    }

    /** Moves the bridge's clock on by steps until the condition holds (retries become due without real waiting). */
    private void advanceUntil(Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (done.call()) {
                return true;
            }
            harness().clock().advance(Duration.ofSeconds(11));
            return false;
        });
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundInsteadOfPostedAgain() {
        Pair p = pair();
        harness().chat().faults(Map.of("loseAnswers", 1));
        String message;
        try {
            message = bridge.world().say(p.chat(), p.from(), "<p>the answer to this post is lost</p>");
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForRetry(p.chat(), message));
        } finally {
            harness().chat().faults(Map.of());
        }
        assertThat(live(p.to())).as("Mattermost made the post; only its answer was lost").hasSize(1);
        // Well past Mattermost's 30 s pending_post_id window: only the bridge's own lookup can tell.
        harness().clock().advance(Duration.ofMinutes(3));
        advanceUntil(() -> processed(p.chat(), message));

        List<JsonNode> posts = live(p.to());
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().path("message").asString()).contains("the answer to this post is lost");
        assertThat(jdbc().sql("SELECT status || ' ' || post_ids FROM delivery WHERE chat_id = ? AND message_id = ?")
                .params(p.chat(), message).query(String.class).single())
                .isEqualTo("POSTED " + posts.getFirst().path("id").asString());
    }

    @Test
    void aThreadRootWhoseAnswerWasLostIsFoundInsteadOfStartedAgain() {
        Pair p = threadedPair();
        harness().chat().faults(Map.of("loseAnswers", 1)); // the first post is the chat's thread root
        String message;
        try {
            message = bridge.world().say(p.chat(), p.from(), "<p>the root's answer is lost</p>");
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForRetry(p.chat(), message));
        } finally {
            harness().chat().faults(Map.of());
        }
        assertThat(bridge.world().threadRoots(p.to())).as("Mattermost made the root; only its answer was lost").hasSize(1);
        harness().clock().advance(Duration.ofMinutes(3)); // past Mattermost's pending_post_id window
        advanceUntil(() -> processed(p.chat(), message));

        List<JsonNode> roots = bridge.world().threadRoots(p.to());
        assertThat(roots).hasSize(1);
        assertThat(live(p.to())).singleElement().satisfies(post -> assertThat(post.path("root_id").asString())
                .isEqualTo(roots.getFirst().path("id").asString()));
    }

    @Test
    void aSplitPostInterruptedAfterItsFirstPartGetsOnlyTheRestAndAnEditReachesEveryPart() {
        Pair p = pair();
        String longText = "<p>" + "word ".repeat(4_500) + "split-marker</p>";
        harness().chat().faults(Map.of("loseAnswers", 1));
        String message;
        try {
            message = bridge.world().say(p.chat(), p.from(), longText);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForRetry(p.chat(), message));
        } finally {
            harness().chat().faults(Map.of());
        }
        assertThat(live(p.to())).as("part 1 was made before its answer was lost; part 2 was not sent").hasSize(1);
        harness().clock().advance(Duration.ofMinutes(3));
        advanceUntil(() -> processed(p.chat(), message));

        List<JsonNode> parts = live(p.to());
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).path("message").asString()).contains("split-marker");
        String recorded = jdbc().sql("SELECT post_ids FROM delivery WHERE chat_id = ? AND message_id = ?")
                .params(p.chat(), message).query(String.class).single();
        assertThat(recorded).isEqualTo(parts.get(0).path("id").asString() + " " + parts.get(1).path("id").asString());

        harness().teams().editMessage(p.chat(), message, "<p>short now</p>");
        advanceUntil(() -> jdbc().sql("SELECT status FROM delivery WHERE chat_id = ? AND message_id = ?")
                .params(p.chat(), message).query(String.class).single().equals("EDITED"));
        List<JsonNode> after = live(p.to());
        assertThat(after).as("the second part of the old text is removed").hasSize(1);
        assertThat(after.getFirst().path("id").asString()).isEqualTo(parts.get(0).path("id").asString());
        assertThat(after.getFirst().path("message").asString()).contains("short now").doesNotContain("split-marker");
    }

    @Test
    void aPoisonItemFailsAloneAndTheLaterMessagesOfItsChatArrive() {
        Pair p = pair();
        World world = bridge.world();
        String first = world.say(p.chat(), p.from(), "<p>before the poison</p>");
        world.awaitProcessed(p.chat(), first);
        // A new message whose resource data cannot be opened (a corrupted notification), in the middle of the chat.
        String poisonId = first + "9";
        String payload = "{\"subscriptionId\":\"poison\",\"changeType\":\"created\",\"resource\":\"chats('" + p.chat()
                + "')/messages('" + poisonId + "')\",\"tenantId\":null,\"encryptedContent\":{\"data\":\"AAAA\","
                + "\"dataSignature\":\"AAAA\",\"dataKey\":\"AAAA\",\"encryptionCertificateId\":\"nope\","
                + "\"encryptionCertificateThumbprint\":\"00\"}}";
        OffsetDateTime now = OffsetDateTime.ofInstant(harness().clock().instant().minusSeconds(1), ZoneOffset.UTC);
        jdbc().sql("INSERT INTO inbox (dedupe_key, subscription_id, change_type, chat_id, message_id, received_at, "
                        + "status, attempts, next_attempt_at) VALUES (?, 'poison', 'created', ?, ?, ?, 'PENDING', 0, ?)")
                .params("poison|" + first, p.chat(), poisonId, now, now)
                .update();
        jdbc().sql("INSERT INTO inbox_payload (inbox_id, payload) SELECT id, ? FROM inbox WHERE dedupe_key = ?")
                .params(payload, "poison|" + first)
                .update();
        List<String> later = List.of(world.say(p.chat(), p.from(), "<p>after the poison 1</p>"),
                world.say(p.chat(), p.from(), "<p>after the poison 2</p>"));
        later.forEach(m -> world.awaitProcessed(p.chat(), m));

        assertThat(live(p.to())).extracting(n -> n.path("message").asString())
                .hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("after the poison 1"))
                .anySatisfy(m -> assertThat(m).contains("after the poison 2"));
        Map<String, Object> poison = jdbc().sql("SELECT status, last_error, (SELECT COUNT(*) FROM inbox_payload WHERE inbox_id = inbox.id) "
                        + "AS payloads FROM inbox WHERE dedupe_key = ?")
                .params("poison|" + first).query().singleRow();
        assertThat(poison.get("status")).isEqualTo("FAILED");
        assertThat((String) poison.get("last_error")).startsWith("the message could not be read");
        assertThat(((Number) poison.get("payloads")).longValue()).as("a failed item keeps no message content").isZero();
    }

    @Test
    void aMessageDeletedWhileItWaitsForARetryIsNeverShown() {
        Pair p = pair();
        harness().chat().faults(Map.of("down", true, "status", 503));
        String message;
        try {
            message = bridge.world().say(p.chat(), p.from(), "<p>regretted-text</p>");
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForRetry(p.chat(), message));
            harness().teams().deleteMessage(p.chat(), message);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxStates(p.chat(), message).size() == 2);
            // The deletion is due at once, but waits behind its message's retry, which is not due yet.
            await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(inboxStates(p.chat(), message)).containsOnly("PENDING");
        } finally {
            harness().chat().faults(Map.of());
        }
        advanceUntil(() -> processed(p.chat(), message));

        assertThat(bridge.world().notifications(p.to())).noneSatisfy(n ->
                assertThat(n.path("message").asString()).contains("regretted-text"));
        String later = bridge.world().say(p.chat(), p.from(), "<p>the chat goes on</p>");
        bridge.world().awaitProcessed(p.chat(), later);
        assertThat(live(p.to())).hasSize(1);
    }

    @Test
    void aBatchSlowerThanTheClaimLeaseKeepsItsClaimAndPostsOnce() {
        Pair p = pair();
        harness().chat().faults(Map.of("latencyMs", 1500));
        String message;
        try {
            message = bridge.world().say(p.chat(), p.from(), "<p>slow but once</p>");
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxStates(p.chat(), message).contains("CLAIMED"));
            // Far beyond the lease while the post is still on its way; the renewal keeps the claim.
            for (int i = 0; i < 5; i++) {
                harness().clock().advance(Duration.ofMinutes(1));
                await().pollDelay(Duration.ofMillis(150)).until(() -> true);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(p.chat(), message));
        } finally {
            harness().chat().faults(Map.of());
        }
        assertThat(live(p.to())).hasSize(1);
        assertThat(jdbc().sql("SELECT attempts FROM inbox WHERE chat_id = ? AND message_id = ?").params(p.chat(), message)
                .query(Integer.class).single()).as("claimed once, never taken over").isEqualTo(1);
    }

    @Test
    void aDisabledBotTokenPausesDeliveryAndNothingIsLostWhenItIsEnabledAgain() throws Exception {
        Pair p = pair();
        String token = harness().bot().token();
        harness().chat().tokenActive(token, false);
        List<String> messages;
        try {
            messages = List.of(bridge.world().say(p.chat(), p.from(), "<p>while the token is off 1</p>"),
                    bridge.world().say(p.chat(), p.from(), "<p>while the token is off 2</p>"));
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness().startsWith("503 ")
                    && readiness().contains("refuses the bot's token"));
            harness().clock().advance(Duration.ofMinutes(30));
            await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(jdbc().sql("SELECT COUNT(*) FROM delivery WHERE chat_id = ? AND status = 'FAILED'").param(p.chat())
                    .query(Long.class).single()).as("a refused token fails no delivery").isZero();
        } finally {
            harness().chat().tokenActive(token, true);
        }
        advanceUntil(() -> messages.stream().allMatch(m -> processed(p.chat(), m)));
        assertThat(live(p.to())).hasSize(2);
        assertThat(readiness()).doesNotContain("refuses the bot's token");
    }

    @Test
    void graphDeliveringTwiceOutOfOrderAndMinutesLateChangesNothing() {
        Pair p = pair();
        World world = bridge.world();
        harness().teams().faults(Map.of("duplicateDeliveries", true, "reverseDeliveries", true, "deliveryDelayMs", 400));
        String kept;
        String gone;
        try {
            kept = world.say(p.chat(), p.from(), "<p>kept-original</p>");
            harness().teams().editMessage(p.chat(), kept, "<p>kept-edited</p>");
            gone = world.say(p.chat(), p.from(), "<p>gone-text</p>");
            harness().teams().deleteMessage(p.chat(), gone);
            harness().clock().advance(Duration.ofMinutes(3)); // they are held meanwhile: they arrive minutes late
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxStates(p.chat(), kept).size() == 2
                    && inboxStates(p.chat(), gone).size() == 2);
        } finally {
            harness().teams().faults(Map.of("duplicateDeliveries", false, "reverseDeliveries", false, "deliveryDelayMs", 0));
        }
        assertThat(jdbc().sql("SELECT change_type FROM inbox WHERE chat_id = ? ORDER BY id").param(p.chat()).query(String.class)
                .list()).as("Graph's order, reversed: each change arrived before its message")
                .containsSubsequence("updated", "created");
        advanceUntil(() -> processed(p.chat(), kept) && processed(p.chat(), gone));

        List<JsonNode> posts = live(p.to());
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().path("message").asString()).contains("kept-edited").doesNotContain("kept-original");
        assertThat(bridge.world().notifications(p.to())).noneSatisfy(n ->
                assertThat(n.path("message").asString()).contains("gone-text"));
        Reliability.report("Graph delivering twice, out of order and three minutes late", 1, posts.size(), 0);
    }

    @Test
    void graphThrottlingEveryRequestForMinutesLosesNothing() {
        Pair p = pair();
        World world = bridge.world();
        io.micrometer.core.instrument.Counter throttled = harness().bean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("teamsbridge.outbound.throttled").tag("peer", "graph").counter();
        double before = throttled.count();
        harness().teams().faults(Map.of("throttleAll", true));
        List<String> messages = new java.util.ArrayList<>();
        try {
            for (int n = 0; n < 3; n++) {
                messages.add(world.say(p.chat(), p.from(), "<p>throttled-" + n + "</p>"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForRetry(p.chat(), messages.getFirst()));
            for (int minute = 0; minute < 10; minute++) {
                harness().clock().advance(Duration.ofMinutes(1));
                await().pollDelay(Duration.ofMillis(100)).until(() -> true);
            }
            assertThat(live(p.to())).isEmpty();
        } finally {
            harness().teams().faults(Map.of("throttleAll", false));
        }
        advanceUntil(() -> messages.stream().allMatch(m -> processed(p.chat(), m)));

        List<String> texts = live(p.to()).stream().map(n -> n.path("message").asString()).toList();
        assertThat(texts).hasSize(3);
        for (int n = 0; n < 3; n++) {
            assertThat(texts.get(n)).as("in order").contains("throttled-" + n);
        }
        assertThat(throttled.count() - before).as("Graph's 429s were seen").isGreaterThanOrEqualTo(2);
        Reliability.report("Graph answering 429 to every request for 10 minutes", 3, texts.size(), 0);
    }

    private String readiness() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(harness().bridgeUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        // The HTTP answer carries only the status; the reason is in the indicator's details.
        return response.statusCode() + " " + harness().bean("deliveryHealthIndicator",
                org.springframework.boot.health.contributor.HealthIndicator.class).health().getDetails();
    }
}
