package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** One subscription, kept alive: renewed before it expires, recreated when Graph removes it or it vanishes. */
class SubscriptionLifecycleIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static World world;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
    }

    private void maintain() {
        bridge.harness().bean("subscriptionJob", PeriodicJob.class).runNow();
    }

    private JsonNode theOnlySubscription() {
        JsonNode all = bridge.harness().teams().subscriptions();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void assertMessagesStillArrive() {
        Person from = world.person("from");
        Person to = world.connected(world.person("to"));
        world.presence(to, "Offline", "Offline");
        String chat = world.chat("oneOnOne", null, from, to);
        String message = world.say(chat, from, "<p>still there?</p>");
        world.awaitProcessed(chat, message);
        assertThat(world.notifications(to)).hasSize(1);
    }

    @Test
    void theSubscriptionAsksForEncryptedChatMessagesWithALifecycleUrl() {
        JsonNode subscription = theOnlySubscription();
        assertThat(subscription.path("resource").asString()).isEqualTo("/chats/getAllMessages?model=B");
        assertThat(subscription.path("changeType").asString()).isEqualTo("created,updated,deleted");
        assertThat(subscription.path("includeResourceData").asBoolean()).isTrue();
        assertThat(subscription.path("encryptionCertificate").asString()).isNotBlank();
        assertThat(subscription.path("lifecycleNotificationUrl").asString()).endsWith("/microsoft/lifecycle");
        assertThat(subscription.has("clientState")).isFalse();
    }

    @Test
    void aSubscriptionIsRenewedWellBeforeItExpires() {
        JsonNode before = theOnlySubscription();
        OffsetDateTime expiry = OffsetDateTime.parse(before.path("expirationDateTime").asString());

        maintain();
        assertThat(OffsetDateTime.parse(theOnlySubscription().path("expirationDateTime").asString())).isEqualTo(expiry);

        bridge.harness().clock().advance(Duration.ofHours(50));
        maintain();

        JsonNode after = theOnlySubscription();
        assertThat(after.path("id").asString()).isEqualTo(before.path("id").asString());
        assertThat(OffsetDateTime.parse(after.path("expirationDateTime").asString())).isAfter(expiry.plusHours(49));
        assertMessagesStillArrive();
    }

    @Test
    void aRemovedSubscriptionIsRecreatedAndMessagesFlowAgain() {
        String old = theOnlySubscription().path("id").asString();
        bridge.harness().teams().lifecycle(old, "subscriptionRemoved");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode all = bridge.harness().teams().subscriptions();
            return all.size() == 1 && !all.get(0).path("id").asString().equals(old);
        });
        assertThat(bridge.harness().bean(SubscriptionRepository.class).find(old).orElseThrow().status())
                .isEqualTo(GraphSubscription.Status.REMOVED);
        assertMessagesStillArrive();
    }

    @Test
    void aSubscriptionThatVanishedIsRecreatedOnTheNextCheck() {
        String old = theOnlySubscription().path("id").asString();
        bridge.harness().teams().deleteSubscription(old);

        maintain();

        assertThat(theOnlySubscription().path("id").asString()).isNotEqualTo(old);
        assertMessagesStillArrive();
    }

    @Test
    void reauthorizationRequiredIsAnsweredAndMessagesFlowAgain() {
        String id = theOnlySubscription().path("id").asString();
        bridge.harness().teams().lifecycle(id, "reauthorizationRequired");
        await().atMost(Duration.ofSeconds(30)).until(() -> reauthorizations() > 0);
        assertThat(theOnlySubscription().path("id").asString()).isEqualTo(id);
        assertMessagesStillArrive();
    }

    private long reauthorizations() {
        long total = 0;
        var requests = bridge.harness().microsoft().control().stats().path("requests");
        for (String key : requests.propertyNames()) {
            if (key.startsWith("POST ") && key.endsWith("/reauthorize")) {
                total += requests.path(key).asLong(0);
            }
        }
        return total;
    }

    @Test
    void repeatedChecksNeverCreateADuplicate() {
        for (int i = 0; i < 5; i++) {
            maintain();
        }
        theOnlySubscription();
        assertThat(bridge.harness().bean(SubscriptionRepository.class).findActive()).hasSize(1);
    }
}
