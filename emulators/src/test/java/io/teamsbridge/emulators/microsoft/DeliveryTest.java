package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeliveryTest {
    static final String ALL_MESSAGES = "/chats/getAllMessages?model=B";
    TeamsWorld world;
    String chat;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
        chat = world.groupChat();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void failedDeliveriesAreRetriedAndCounted() {
        world.subscribed(world.subscription(ALL_MESSAGES));
        world.control().faults(Map.of("failDeliveries", 2));

        String id = world.control().postMessage(chat, world.alice, "text", "hello");

        assertThat(world.webhook.awaitItems(1).getFirst().get("resourceData").get("id").stringValue()).isEqualTo(id);
        assertThat(world.webhook.deliveries()).as("the failures never reached the receiver").hasSize(1);
        assertThat(stat("deliveryFailures")).isEqualTo(2);
        assertThat(settledStat("notificationsSent", 1)).isEqualTo(1);
    }

    @Test
    void aReceiverAnsweringAnErrorOrTooSlowlyGetsItAgain() {
        world.subscribed(world.subscription(ALL_MESSAGES));
        world.webhook.answerNext(Webhook.Answer.status(503), Webhook.Answer.after(Duration.ofMillis(800)));

        String id = world.control().postMessage(chat, world.alice, "text", "hello");

        List<JsonNode> items = world.webhook.awaitItems(3);
        assertThat(items).extracting(i -> i.get("resourceData").get("id").stringValue()).containsExactly(id, id, id);
        assertThat(stat("deliveryFailures")).as("a 503 and a reply slower than the receiver timeout").isEqualTo(2);
        assertThat(settledStat("notificationsSent", 1)).isEqualTo(1);
    }

    @Test
    void duplicateDeliveriesSendEachBatchTwiceAndDelaysHoldThemBack() {
        world.subscribed(world.subscription(ALL_MESSAGES));
        world.control().faults(Map.of("duplicateDeliveries", true, "deliveryDelayMs", 300));

        Instant sent = Instant.now();
        world.control().postMessage(chat, world.alice, "text", "twice");

        List<JsonNode> items = world.webhook.awaitItems(2);
        assertThat(items.get(0)).isEqualTo(items.get(1));
        assertThat(Duration.between(sent, world.webhook.deliveries().getFirst().receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(settledStat("notificationsSent", 2)).isEqualTo(2);
    }

    @Test
    void aNotificationStillFailingAfterTheRetryWindowIsDropped() throws InterruptedException {
        world.subscribed(world.subscription(ALL_MESSAGES));
        world.control().faults(Map.of("failDeliveries", 1_000_000));

        world.control().postMessage(chat, world.alice, "text", "lost");
        world.clock.advance(Duration.ofHours(4).plusMinutes(1));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stat("notificationsDropped") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stat("notificationsDropped")).isEqualTo(1);
        world.control().faults(Map.of("failDeliveries", 0));
        world.webhook.assertQuietFor(Duration.ofMillis(150), 0);
    }

    @Test
    void reauthorizationRequiredPausesDeliveryUntilReauthorized() throws Exception {
        SharedVector vector = SharedVector.require();
        String id = world.subscribed(world.richSubscription(ALL_MESSAGES, vector));

        world.control().lifecycle(id, "reauthorizationRequired");
        JsonNode event = world.webhook.awaitItems(1).getFirst();
        world.control().postMessage(chat, world.alice, "text", "lost while paused");
        world.webhook.assertQuietFor(Duration.ofMillis(150), 1);
        assertThat(world.graph("POST", "/subscriptions/" + id + "/reauthorize", null, world.appToken).statusCode())
                .isEqualTo(204);
        String resumed = world.control().postMessage(chat, world.alice, "text", "after reauthorizing");

        assertThat(world.webhook.deliveries().getFirst().path()).isEqualTo("/lifecycle");
        assertThat(event.get("lifecycleEvent").stringValue()).isEqualTo("reauthorizationRequired");
        assertThat(event.get("subscriptionId").stringValue()).isEqualTo(id);
        assertThat(event.get("clientState").stringValue()).isEqualTo("s3cret-state");
        assertThat(event.get("tenantId").stringValue()).isEqualTo(world.emulator.tenantId());
        assertThat(event.has("subscriptionExpirationDateTime")).isTrue();
        assertThat(world.webhook.deliveries().getFirst().body().get("validationTokens")).hasSize(1);
        List<JsonNode> items = world.webhook.awaitItems(2);
        assertThat(items.get(1).get("resourceData").get("id").stringValue()).isEqualTo(resumed);

        world.control().lifecycle(id, "reauthorizationRequired");
        world.webhook.awaitItems(3);
        world.graph("PATCH", "/subscriptions/" + id, Map.of("expirationDateTime",
                world.now().plus(Duration.ofDays(2)).toString()), world.appToken);
        String renewed = world.control().postMessage(chat, world.alice, "text", "after renewing");
        assertThat(world.webhook.awaitItems(4).get(3).get("resourceData").get("id").stringValue()).isEqualTo(renewed);
    }

    @Test
    void subscriptionRemovedDeletesItMissedOnlyTellsAndAVanishedOneSaysNothing() {
        Map<String, Object> body = world.subscription(ALL_MESSAGES);
        body.put("lifecycleNotificationUrl", world.webhook.url("/lifecycle"));
        String id = world.subscribed(body);

        world.control().lifecycle(id, "missed");
        world.control().lifecycle(id, "subscriptionRemoved");

        List<JsonNode> events = world.webhook.awaitItems(2);
        assertThat(events).extracting(e -> e.get("lifecycleEvent").stringValue())
                .containsExactly("missed", "subscriptionRemoved");
        assertThat(world.get("/subscriptions/" + id).statusCode()).isEqualTo(404);

        String again = world.subscribed(body);
        world.control().deleteSubscription(again);
        world.control().postMessage(chat, world.alice, "text", "nobody hears this");
        assertThat(world.get("/subscriptions/" + again).statusCode()).isEqualTo(404);
        world.webhook.assertQuietFor(Duration.ofMillis(150), 2);
        assertThat(settledStat("lifecycleNotificationsSent", 2)).isEqualTo(2);
    }

    private long stat(String name) {
        return world.control().stats().get(name).asLong();
    }

    /**
     * The counter once it reached {@code expected}: the emulator counts a delivery when the
     * receiver's answer is back, a moment after the receiver has recorded it.
     */
    private long settledStat(String name, long expected) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> stat(name), v -> v >= expected);
    }
}
