package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SubscriptionsTest {
    static final String ALL_MESSAGES = "/chats/getAllMessages?model=B";
    TeamsWorld world;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void creationValidatesBothUrlsAndAnswersTheSubscription() {
        Map<String, Object> body = world.subscription(ALL_MESSAGES);
        body.put("lifecycleNotificationUrl", world.webhook.url("/notifications"));
        body.put("expirationDateTime", world.now().plus(Duration.ofHours(3)).toString());

        HttpResponse<String> response = world.subscribe(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(world.webhook.validations()).as("the same URL is validated twice").hasSize(2);
        Webhook.Validation validation = world.webhook.validations().getFirst();
        assertThat(validation.method()).isEqualTo("POST");
        assertThat(validation.contentType()).startsWith("text/plain");
        assertThat(validation.rawQuery()).startsWith("validationToken=Validation%3A+Testing+client");
        assertThat(validation.token()).startsWith("Validation: Testing client application reachability");
        JsonNode json = TestHttp.json(response);
        assertThat(json.get("@odata.context").stringValue()).endsWith("$metadata#subscriptions/$entity");
        assertThat(json.get("resource").stringValue()).isEqualTo(ALL_MESSAGES);
        assertThat(json.get("applicationId").stringValue()).isEqualTo(world.emulator.clientId());
        assertThat(json.get("changeType").stringValue()).isEqualTo("created,updated,deleted");
        assertThat(json.get("clientState").stringValue()).isEqualTo("s3cret-state");
        assertThat(json.get("expirationDateTime").stringValue()).isEqualTo("2026-03-02T12:00:00.0000000Z");
        assertThat(json.get("includeResourceData").booleanValue()).isFalse();
        assertThat(json.get("latestSupportedTlsVersion").stringValue()).isEqualTo("v1_2");
        assertThat(world.control().subscriptions()).hasSize(1);
    }

    @Test
    void aHandshakeNotEchoedExactlyFailsTheCreation() {
        world.webhook.answerHandshakes(Webhook.Handshake.ECHO_ENCODED);
        HttpResponse<String> encoded = world.subscribe(world.subscription(ALL_MESSAGES));
        world.webhook.answerHandshakes(Webhook.Handshake.STATUS_500);
        HttpResponse<String> error = world.subscribe(world.subscription(ALL_MESSAGES));
        world.webhook.answerHandshakes(Webhook.Handshake.WRONG_TYPE);
        HttpResponse<String> json = world.subscribe(world.subscription(ALL_MESSAGES));
        world.webhook.answerHandshakes(Webhook.Handshake.ECHO);
        Map<String, Object> deadLifecycle = world.subscription(ALL_MESSAGES);
        deadLifecycle.put("lifecycleNotificationUrl", "http://127.0.0.1:9/lifecycle");
        HttpResponse<String> unreachable = world.subscribe(deadLifecycle);

        assertThat(List.of(encoded, error, json, unreachable)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(TestHttp.json(r).get("error").get("code").stringValue()).isEqualTo("InvalidRequest");
        });
        assertThat(message(encoded)).contains("Response must exactly match validationToken query parameter");
        assertThat(message(error)).contains("must respond with 200 OK");
        assertThat(message(unreachable)).contains("Subscription validation request failed");
        assertThat(world.control().subscriptions()).isEmpty();
    }

    @Test
    void richNotificationsNeedACertificateAndLongSubscriptionsALifecycleUrl() {
        Map<String, Object> rich = world.subscription(ALL_MESSAGES);
        rich.put("includeResourceData", true);
        Map<String, Object> long1 = world.subscription(ALL_MESSAGES);
        long1.put("expirationDateTime", world.now().plus(Duration.ofMinutes(61)).toString());
        Map<String, Object> tooLong = world.subscription(ALL_MESSAGES);
        tooLong.put("lifecycleNotificationUrl", world.webhook.url("/lifecycle"));
        tooLong.put("expirationDateTime", world.now().plus(Duration.ofMinutes(4321)).toString());
        Map<String, Object> past = world.subscription(ALL_MESSAGES);
        past.put("expirationDateTime", world.now().minusSeconds(1).toString());
        Map<String, Object> secret = world.subscription(ALL_MESSAGES);
        secret.put("clientState", "x".repeat(129));

        HttpResponse<String> noCertificate = world.subscribe(rich);
        HttpResponse<String> noLifecycleUrl = world.subscribe(long1);

        assertThat(noCertificate.statusCode()).isEqualTo(400);
        assertThat(message(noCertificate)).contains("encryptionCertificate is a required property");
        assertThat(noLifecycleUrl.statusCode()).isEqualTo(400);
        assertThat(message(noLifecycleUrl)).isEqualTo("lifecycleNotificationUrl is a required property for"
                + " subscription creation on this resource when the expirationDateTime value is set to greater than"
                + " 1 hour");
        assertThat(message(world.subscribe(tooLong))).contains("4320 minutes");
        assertThat(world.subscribe(past).statusCode()).isEqualTo(400);
        assertThat(world.subscribe(secret).statusCode()).isEqualTo(400);
        assertThat(world.webhook.validations()).as("refused before any handshake").isEmpty();

        tooLong.put("expirationDateTime", world.now().plus(Duration.ofMinutes(4320)).toString());
        assertThat(world.subscribe(tooLong).statusCode()).isEqualTo(201);
    }

    @Test
    void modelsPermissionsAndTheOnePerResourceQuota() {
        String aliceToken = world.userToken(world.alice);
        String chat = world.groupChat();

        assertThat(world.subscribe(world.subscription("/chats/getAllMessages?model=C")).statusCode()).isEqualTo(400);
        assertThat(world.subscribe(world.subscription("/users/" + world.alice + "/chats/getAllMessages?model=A"))
                .statusCode()).isEqualTo(400);
        assertThat(world.subscribe(world.subscription("/chats/" + chat + "/messages?model=B")).statusCode())
                .isEqualTo(400);
        HttpResponse<String> delegatedTenantWide = world.graph("POST", "/subscriptions",
                world.subscription(ALL_MESSAGES), aliceToken);
        assertThat(delegatedTenantWide.statusCode()).isEqualTo(403);
        assertThat(world.graph("POST", "/subscriptions", world.subscription("/users/" + world.bob
                + "/chats/getAllMessages"), aliceToken).statusCode()).isEqualTo(403);

        String first = world.subscribed(world.subscription(ALL_MESSAGES));
        HttpResponse<String> second = world.subscribe(world.subscription("/chats/getAllMessages?model=A"));
        assertThat(second.statusCode()).as("one per app and resource, whatever the model").isEqualTo(403);
        assertThat(message(second)).contains(first);
        world.graph("DELETE", "/subscriptions/" + first, null, world.appToken);
        world.subscribed(world.subscription("/chats/getAllMessages?model=A"));
        world.subscribed(world.subscription("/users/" + world.alice + "/chats/getAllMessages?model=B"));
        HttpResponse<String> mine = world.graph("POST", "/subscriptions", world.subscription("/me/chats/getAllMessages"),
                aliceToken);
        assertThat(mine.statusCode()).as("the app holds /users/{alice}/... already").isEqualTo(403);
        assertThat(world.graph("POST", "/subscriptions", world.subscription("/chats/" + chat + "/messages"),
                aliceToken).statusCode()).isEqualTo(201);
    }

    @Test
    void subscriptionsAreReadRenewedDeletedAndExpire() {
        String id = world.subscribed(world.subscription(ALL_MESSAGES));
        String chat = world.groupChat();

        JsonNode listed = world.getJson("/subscriptions");
        HttpResponse<String> renewed = world.graph("PATCH", "/subscriptions/" + id,
                Map.of("expirationDateTime", world.now().plus(Duration.ofMinutes(55)).toString()), world.appToken);
        HttpResponse<String> modelChange = world.graph("PATCH", "/subscriptions/" + id,
                Map.of("resource", "/chats/getAllMessages?model=A"), world.appToken);
        HttpResponse<String> lifecycleAdded = world.graph("PATCH", "/subscriptions/" + id,
                Map.of("lifecycleNotificationUrl", world.webhook.url("/lifecycle")), world.appToken);

        assertThat(listed.get("value")).hasSize(1);
        assertThat(listed.get("value").get(0).get("id").stringValue()).isEqualTo(id);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(TestHttp.json(renewed).get("expirationDateTime").stringValue()).startsWith("2026-03-02T09:55:00");
        assertThat(modelChange.statusCode()).isEqualTo(400);
        assertThat(message(modelChange)).contains("create a new subscription");
        assertThat(lifecycleAdded.statusCode()).isEqualTo(400);

        world.advance(Duration.ofMinutes(56));
        world.control().postMessage(chat, world.alice, "text", "after expiry");

        assertThat(world.get("/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(world.getJson("/subscriptions").get("value")).isEmpty();
        assertThat(world.control().subscriptions()).isEmpty();
        world.webhook.assertQuietFor(Duration.ofMillis(200), 0);

        String other = world.subscribed(world.subscription(ALL_MESSAGES));
        assertThat(world.graph("DELETE", "/subscriptions/" + other, null, world.appToken).statusCode()).isEqualTo(204);
        assertThat(world.get("/subscriptions/" + other).statusCode()).isEqualTo(404);
    }

    @Test
    void theControlListingShowsTheCertificateButNeverTheClientState() throws Exception {
        SharedVector vector = SharedVector.require();
        world.subscribed(world.richSubscription(ALL_MESSAGES, vector));

        JsonNode listed = world.control().subscriptions().get(0);

        assertThat(listed.get("encryptionCertificate").stringValue()).isEqualTo(vector.certificate());
        assertThat(listed.get("encryptionCertificateId").stringValue()).isEqualTo("bridge-cert-1");
        assertThat(listed.get("includeResourceData").booleanValue()).isTrue();
        assertThat(listed.get("lifecycleNotificationUrl").stringValue()).endsWith("/lifecycle");
        assertThat(listed.has("clientState")).isFalse();
        assertThat(listed.toString()).doesNotContain("s3cret-state");
    }

    @Test
    void unknownPropertiesAndBadCertificatesAreRefused() throws Exception {
        Map<String, Object> typo = world.subscription(ALL_MESSAGES);
        typo.put("expirationDate", "2026-03-02T10:00:00Z");
        Map<String, Object> notACertificate = world.subscription(ALL_MESSAGES);
        notACertificate.put("includeResourceData", true);
        notACertificate.put("encryptionCertificate", "bm90IGEgY2VydA==");
        notACertificate.put("encryptionCertificateId", "c1");

        assertThat(message(world.subscribe(typo))).contains("'expirationDate' does not exist");
        assertThat(message(world.subscribe(notACertificate))).contains("Certificate validation error");
    }

    private static String message(HttpResponse<String> response) {
        return TestHttp.json(response).get("error").get("message").stringValue();
    }
}
