package io.teamsbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.microsoft.subscriptions.SubscriptionRegistry;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import java.io.IOException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions a test makes at Graph (the emulator) in the app's name, with a clientState it
 * knows, and the row the bridge keeps for one, for tests of what the webhook accepts.
 */
public final class GraphSubscriptions {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BridgeHarness harness;

    public GraphSubscriptions(BridgeHarness harness) {
        this.harness = harness;
    }

    /**
     * Creates a per-user subscription (the emulator, like Graph, allows one tenant-wide subscription
     * per app) on our notification URL, with the bridge's certificate when {@code resourceData}.
     */
    public String createAtGraph(String clientState, String teamsUserId, boolean resourceData) throws IOException, InterruptedException {
        var microsoft = harness.microsoft();
        String form = "grant_type=client_credentials&client_id=" + enc(microsoft.clientId()) + "&client_secret="
                + enc(microsoft.clientSecret()) + "&scope=" + enc("https://graph.microsoft.com/.default");
        JsonNode token = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(microsoft.baseUrl() + "/" + microsoft.tenantId()
                + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body());
        Map<String, Object> request = new HashMap<>(Map.of("changeType", "created",
                "resource", "/users/" + teamsUserId + "/chats/getAllMessages",
                "notificationUrl", harness.bridgeUrl() + "/microsoft/notifications",
                "lifecycleNotificationUrl", harness.bridgeUrl() + "/microsoft/lifecycle",
                "expirationDateTime", Instant.now().plus(Duration.ofMinutes(50)).toString(), "clientState", clientState));
        if (resourceData) {
            var certificate = harness.bean(NotificationCertificates.class).active();
            request.put("includeResourceData", true);
            request.put("encryptionCertificate", certificate.base64Der());
            request.put("encryptionCertificateId", certificate.id());
        }
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(microsoft.graphUrl() + "/subscriptions"))
                .header("Authorization", "Bearer " + token.path("access_token").asString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    /** Stores the bridge's row for a subscription and tells the registry, as creating one does. */
    public void store(String id, String clientState) {
        Instant now = Instant.now();
        GraphSubscription row = new GraphSubscription(id, "/chats/getAllMessages", harness.bridgeUrl() + "/microsoft/notifications",
                "cert", Tokens.sha256(clientState), now.plus(Duration.ofMinutes(50)), now, now, GraphSubscription.Status.ACTIVE);
        harness.bean(SubscriptionRepository.class).insert(row);
        harness.bean(SubscriptionRegistry.class).remember(row);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
