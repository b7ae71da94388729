package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.GraphSubscriptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Lifecycle notifications carry nothing but a clientState, so they act only on what Graph
 * confirms, only for current subscriptions, once however often they come, and only when the whole
 * request is genuine. Each test ends with a sentinel event whose effect is awaited: the events are
 * handled in order, so once the sentinel acted, anything queued before it would have acted too.
 */
class LifecycleHardeningIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A subscription row of ours that Graph does not have (so subscriptionRemoved is confirmed). */
    private String ours(String clientState, Instant expiresAt, GraphSubscription.Status status) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        bridge.harness().bean(SubscriptionRepository.class).insert(new GraphSubscription(id, "/chats/getAllMessages?model=B",
                bridge.harness().bridgeUrl() + "/microsoft/notifications", "cert", Tokens.sha256(clientState), expiresAt, now,
                now, status));
        return id;
    }

    private String ours(String clientState) {
        return ours(clientState, Instant.now().plusSeconds(3600), GraphSubscription.Status.ACTIVE);
    }

    /** A subscription that Graph (the emulator) really has, with a clientState the test knows, and our row for it. */
    private String atGraph(String clientState) throws Exception {
        String user = bridge.harness().teams().createUser("Owner " + clientState, clientState + "@example.com", null);
        GraphSubscriptions subscriptions = new GraphSubscriptions(bridge.harness());
        String id = subscriptions.createAtGraph(clientState, user, false);
        subscriptions.store(id, clientState);
        return id;
    }

    private static String event(String subscriptionId, String clientState, String event) {
        return """
                {"subscriptionId":"%s","clientState":"%s","tenantId":"t","lifecycleEvent":"%s",
                 "subscriptionExpirationDateTime":"2030-01-01T00:00:00Z"}""".formatted(subscriptionId, clientState, event);
    }

    private int post(String path, String... items) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":[" + String.join(",", items) + "]}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private GraphSubscription.Status status(String id) {
        return bridge.harness().bean(SubscriptionRepository.class).find(id).orElseThrow().status();
    }

    /** Sends a confirmed subscriptionRemoved for a fresh subscription and waits until it acted. */
    private void sentinel() throws Exception {
        String sentinel = ours("sentinel-state");
        assertThat(post("/microsoft/lifecycle", event(sentinel, "sentinel-state", "subscriptionRemoved"))).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(sentinel) == GraphSubscription.Status.REMOVED);
    }

    private long reauthorizations() {
        long total = 0;
        JsonNode requests = bridge.harness().teams().stats().path("requests");
        for (String key : requests.propertyNames()) {
            if (key.startsWith("POST ") && key.endsWith("/reauthorize")) {
                total += requests.path(key).asLong(0);
            }
        }
        return total;
    }

    @Test
    void aThousandReauthorizationRequestsBecomeOneCallToGraph() throws Exception {
        String id = atGraph("reauthorize-state");
        long before = reauthorizations();
        String[] thousand = new String[1000];
        java.util.Arrays.fill(thousand, event(id, "reauthorize-state", "reauthorizationRequired"));
        for (int i = 0; i < 5; i++) {
            assertThat(post("/microsoft/lifecycle", thousand)).isEqualTo(202);
            assertThat(post("/microsoft/notifications", thousand)).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> reauthorizations() > before);
        sentinel();
        assertThat(reauthorizations() - before).isEqualTo(1);
    }

    @Test
    void subscriptionRemovedIsIgnoredWhileGraphStillHasTheSubscription() throws Exception {
        String id = atGraph("still-there-state");
        assertThat(post("/microsoft/lifecycle", event(id, "still-there-state", "subscriptionRemoved"))).isEqualTo(202);
        sentinel();
        assertThat(status(id)).isEqualTo(GraphSubscription.Status.ACTIVE);
        assertThat(bridge.harness().teams().subscriptions().findValues("id").stream().map(JsonNode::asString)).contains(id);
    }

    @Test
    void theClientStateOfAnExpiredOrRemovedSubscriptionOpensNothing() throws Exception {
        String expired = ours("expired-state", Instant.now().minus(Duration.ofHours(1)), GraphSubscription.Status.ACTIVE);
        String removed = ours("removed-state", Instant.now().plus(Duration.ofHours(1)), GraphSubscription.Status.REMOVED);
        assertThat(post("/microsoft/lifecycle", event(expired, "expired-state", "subscriptionRemoved"))).isEqualTo(404);
        assertThat(post("/microsoft/lifecycle", event(removed, "removed-state", "reauthorizationRequired"))).isEqualTo(404);
        long before = reauthorizations();
        sentinel();
        assertThat(status(expired)).as("an expired subscription's event was ignored").isEqualTo(GraphSubscription.Status.ACTIVE);
        assertThat(reauthorizations()).isEqualTo(before);
    }

    @Test
    void aGenuineEventInARequestWithAForgedItemDoesNotAct() throws Exception {
        String genuine = ours("genuine-state");
        String other = ours("other-state");
        assertThat(post("/microsoft/lifecycle", event(genuine, "genuine-state", "subscriptionRemoved"),
                event(other, "guessed", "subscriptionRemoved"))).isEqualTo(403);
        assertThat(post("/microsoft/notifications", event(genuine, "genuine-state", "subscriptionRemoved"),
                event(other, "guessed", "reauthorizationRequired"))).isEqualTo(403);
        sentinel();
        assertThat(status(genuine)).isEqualTo(GraphSubscription.Status.ACTIVE);
        assertThat(status(other)).isEqualTo(GraphSubscription.Status.ACTIVE);
    }
}
