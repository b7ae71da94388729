package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.microsoft.subscriptions.SubscriptionRegistry;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graph may deliver for a subscription it has just created before the bridge has stored it. Such
 * a request is refused, not dropped, so Graph delivers it again, and then it is taken.
 */
class NewSubscriptionRaceIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Creates a per-user subscription with resource data at Graph (the emulator), as the bridge would. */
    private String createAtGraph(String clientState, String user) throws Exception {
        var microsoft = bridge.harness().microsoft();
        String form = "grant_type=client_credentials&client_id=" + enc(microsoft.clientId()) + "&client_secret="
                + enc(microsoft.clientSecret()) + "&scope=" + enc("https://graph.microsoft.com/.default");
        JsonNode token = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(microsoft.baseUrl() + "/" + microsoft.tenantId()
                + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body());
        var certificate = bridge.harness().bean(NotificationCertificates.class).active();
        Map<String, Object> request = new HashMap<>(Map.of("changeType", "created",
                "resource", "/users/" + user + "/chats/getAllMessages",
                "notificationUrl", bridge.harness().bridgeUrl() + "/microsoft/notifications",
                "lifecycleNotificationUrl", bridge.harness().bridgeUrl() + "/microsoft/lifecycle",
                "expirationDateTime", Instant.now().plus(Duration.ofMinutes(50)).toString(), "clientState", clientState));
        request.put("includeResourceData", true);
        request.put("encryptionCertificate", certificate.base64Der());
        request.put("encryptionCertificateId", certificate.id());
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(microsoft.graphUrl() + "/subscriptions"))
                .header("Authorization", "Bearer " + token.path("access_token").asString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    @Test
    void aMessageForASubscriptionNotStoredYetIsDeliveredOnceItIs() throws Exception {
        World world = bridge.world();
        Person owner = world.person("owner");
        Person recipient = world.connected(world.person("recipient"));
        world.presence(recipient, "Away", "Away");
        String chat = world.chat("oneOnOne", null, owner, recipient);
        String id = createAtGraph("race-state", owner.teamsUserId());
        long failures = bridge.harness().teams().stats().path("deliveryFailures").asLong();

        world.say(chat, owner, "<p>sent-before-the-subscription-was-stored</p>");
        await().atMost(Duration.ofSeconds(30)).until(() -> bridge.harness().teams().stats().path("deliveryFailures").asLong() > failures);
        assertThat(world.notifications(recipient)).isEmpty();

        // The creation finishes: the bridge stores the subscription and remembers it.
        Instant now = Instant.now();
        GraphSubscription row = new GraphSubscription(id, "/chats/getAllMessages", bridge.harness().bridgeUrl() + "/microsoft/notifications",
                "cert", Tokens.sha256("race-state"), now.plus(Duration.ofMinutes(50)), now, now, GraphSubscription.Status.ACTIVE);
        bridge.harness().bean(SubscriptionRepository.class).insert(row);
        bridge.harness().bean(SubscriptionRegistry.class).remember(row);

        await().atMost(Duration.ofSeconds(60)).until(() -> world.notifications(recipient).stream()
                .anyMatch(p -> p.path("message").asString().contains("sent-before-the-subscription-was-stored")));
        assertThat(world.notifications(recipient)).hasSize(1);
    }
}
