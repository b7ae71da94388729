package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.microsoft.notifications.DeliveryOptions;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A small tenant for chat and notification tests: the emulator on a standing clock with fast
 * delivery retries, three users, a webhook, and helpers for Graph calls and subscriptions.
 */
final class TeamsWorld implements AutoCloseable {
    static final DeliveryOptions FAST = DeliveryOptions.defaults()
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .withReceiverTimeout(Duration.ofMillis(500))
            .withHandshakeTimeout(Duration.ofSeconds(2));

    final MutableClock clock = MutableClock.startingNow();
    final MicrosoftEmulator emulator;
    final OAuthFlow flow;
    final Webhook webhook = new Webhook();
    final String alice;
    final String bob;
    final String carol;
    String appToken;

    TeamsWorld() {
        this(FAST);
    }

    TeamsWorld(DeliveryOptions delivery) {
        emulator = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults().withClock(clock).withDelivery(delivery));
        flow = new OAuthFlow(emulator);
        String run = UUID.randomUUID().toString().substring(0, 8);
        alice = control().createUser("Alice Archer", "alice." + run + "@contoso.test", null);
        bob = control().createUser("Bob Baker", "bob." + run + "@contoso.test", null);
        carol = control().createUser("Carol Cook", "carol." + run + "@contoso.test", null);
        appToken = flow.appToken();
    }

    MicrosoftControlClient control() {
        return emulator.control();
    }

    /** A delegated Graph token for the user (scopes: User.Read Chat.Read ...). */
    String userToken(String userId) {
        return flow.signIn(userId).get("access_token").stringValue();
    }

    /** Moves the clock and fetches an app token that is valid at the new time. */
    void advance(Duration by) {
        clock.advance(by);
        appToken = flow.appToken();
    }

    HttpResponse<String> graph(String method, String path, Object body, String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return flow.http.send(method, URI.create(emulator.graphUrl() + path),
                body == null ? null : new String(Json.write(body)), all);
    }

    HttpResponse<String> get(String path, String... headers) {
        return graph("GET", path, null, appToken, headers);
    }

    JsonNode getJson(String path, String... headers) {
        HttpResponse<String> response = get(path, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    /** A subscription body: basic (no resource data), to the webhook, created/updated/deleted, 50 min. */
    Map<String, Object> subscription(String resource) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changeType", "created,updated,deleted");
        body.put("notificationUrl", webhook.url("/notifications"));
        body.put("resource", resource);
        body.put("expirationDateTime", clock.instant().plus(Duration.ofMinutes(50)).toString());
        body.put("clientState", "s3cret-state");
        return body;
    }

    /** Rich, with the shared vector's certificate, a lifecycle URL and a 3-day expiry. */
    Map<String, Object> richSubscription(String resource, SharedVector vector) throws Exception {
        Map<String, Object> body = subscription(resource);
        body.put("includeResourceData", true);
        body.put("encryptionCertificate", vector.certificate());
        body.put("encryptionCertificateId", "bridge-cert-1");
        body.put("lifecycleNotificationUrl", webhook.url("/lifecycle"));
        body.put("expirationDateTime", clock.instant().plus(Duration.ofMinutes(4300)).toString());
        return body;
    }

    HttpResponse<String> subscribe(Map<String, Object> body, String... headers) {
        return graph("POST", "/subscriptions", body, appToken, headers);
    }

    /** Creates it and answers its id, failing the test unless Graph answered 201. */
    String subscribed(Map<String, Object> body, String... headers) {
        HttpResponse<String> response = subscribe(body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response).get("id").stringValue();
    }

    String groupChat() {
        return control().createChat("group", "Launch plan", List.of(alice, bob, carol));
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        emulator.close();
        webhook.close();
    }
}
