package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import io.teamsbridge.testing.BridgeExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications that did not come from Graph are refused and nothing is stored: a wrong clientState,
 * missing validation tokens, tokens signed by someone else or for someone else.
 */
class ForgedNotificationsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(java.util.Map.of("microsoft.subscription.enabled", "false"));

    private static final String SUBSCRIPTION = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07";
    private static final String CLIENT_STATE = "the-shared-client-state-of-this-test";

    @BeforeAll
    static void aSubscriptionOfOurs() {
        Instant now = Instant.now();
        bridge.harness().bean(SubscriptionRepository.class).insert(new GraphSubscription(SUBSCRIPTION, "/chats/getAllMessages?model=B",
                bridge.harness().bridgeUrl() + "/microsoft/notifications", "cert", Tokens.sha256(CLIENT_STATE),
                now.plusSeconds(3600), now, now, GraphSubscription.Status.ACTIVE));
    }

    private static String batch(String clientState, String validationTokens) {
        return """
                {"value":[{"subscriptionId":"%s","changeType":"created","clientState":"%s","tenantId":"t",
                  "subscriptionExpirationDateTime":"2030-01-01T00:00:00Z",
                  "resource":"chats('19:abc@thread.v2')/messages('1700000000000')",
                  "resourceData":{"id":"1700000000000","@odata.type":"#Microsoft.Graph.chatMessage","@odata.id":"chats('19:abc@thread.v2')/messages('1700000000000')"},
                  "encryptedContent":{"data":"AAAA","dataSignature":"AAAA","dataKey":"AAAA","encryptionCertificateId":"cert","encryptionCertificateThumbprint":"00"}}]%s}
                """.formatted(SUBSCRIPTION, clientState, validationTokens == null ? "" : ",\"validationTokens\":[" + validationTokens + "]");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "application/json");
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A change item without encrypted content (as a deletion comes), for our subscription. */
    private static String plainItem(String changeType, String chatId, String messageId) {
        return """
                {"subscriptionId":"%s","changeType":"%s","clientState":"%s","tenantId":"t",
                  "resource":"chats('%s')/messages('%s')"}""".formatted(SUBSCRIPTION, changeType, CLIENT_STATE, chatId, messageId);
    }

    private long inboxRows() {
        return bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM inbox").query(Long.class).single();
    }

    private static String token(RSAKey key, String audience, String appId, String issuer) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience).issuer(issuer).claim("appid", appId)
                .claim("tid", "t").expirationTime(Date.from(Instant.now().plusSeconds(600))).notBeforeTime(new Date())
                .issueTime(new Date()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return "\"" + jwt.serialize() + "\"";
    }

    @Test
    void theHandshakeEchoesTheDecodedTokenAsPlainText() throws Exception {
        HttpResponse<String> response = post("/microsoft/notifications?validationToken=Validation%3A%20Testing%20client%20application%20reachability%20%2B%3C%3E", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo("Validation: Testing client application reachability +<>");
        assertThat(post("/microsoft/lifecycle?validationToken=abc", "").body()).isEqualTo("abc");
    }

    @Test
    void aWrongClientStateIsRefusedAndNothingIsStored() throws Exception {
        long before = inboxRows();
        HttpResponse<String> response = post("/microsoft/notifications", batch("guessed", null));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void encryptedDataWithoutValidationTokensIsRefusedAndNothingIsStored() throws Exception {
        long before = inboxRows();
        assertThat(post("/microsoft/notifications", batch(CLIENT_STATE, null)).statusCode()).isEqualTo(401);
        assertThat(post("/microsoft/notifications", batch(CLIENT_STATE, "")).statusCode()).isEqualTo(401);
        assertThat(post("/microsoft/notifications", batch(CLIENT_STATE, "\"not.a.jwt\"")).statusCode()).isEqualTo(401);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void tokensSignedByAnotherKeyOrForAnotherAppAreRefused() throws Exception {
        long before = inboxRows();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String issuer = "https://sts.windows.net/" + bridge.harness().microsoft().tenantId() + "/";
        String graphApp = "0bf30f3b-4a52-48df-9a82-234910c4a086";
        assertThat(post("/microsoft/notifications", batch(CLIENT_STATE,
                token(stranger, bridge.harness().microsoft().clientId(), graphApp, issuer))).statusCode()).isEqualTo(401);
        assertThat(post("/microsoft/notifications", batch(CLIENT_STATE,
                token(stranger, "someone-else", graphApp, issuer))).statusCode()).isEqualTo(401);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void malformedOrOversizedBodiesAreRefused() throws Exception {
        long before = inboxRows();
        assertThat(post("/microsoft/notifications", "not json").statusCode()).isEqualTo(400);
        assertThat(post("/microsoft/notifications", "{\"value\":\"nope\"}").statusCode()).isEqualTo(400);
        assertThat(post("/microsoft/notifications", "{\"value\":[" + "{},".repeat(2_000_000) + "{}]}").statusCode()).isEqualTo(413);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void lifecycleEventsWithAWrongClientStateAreRefused() throws Exception {
        String lifecycle = """
                {"value":[{"subscriptionId":"%s","clientState":"guessed","tenantId":"t","lifecycleEvent":"subscriptionRemoved",
                  "subscriptionExpirationDateTime":"2030-01-01T00:00:00Z"}]}""".formatted(SUBSCRIPTION);
        assertThat(post("/microsoft/lifecycle", lifecycle).statusCode()).isEqualTo(403);
        assertThat(bridge.harness().bean(SubscriptionRepository.class).find(SUBSCRIPTION).orElseThrow().status())
                .isEqualTo(GraphSubscription.Status.ACTIVE);
    }

    @Test
    void everyChangeNeedsValidationTokensEvenWithoutEncryptedContent() throws Exception {
        long before = inboxRows();
        HttpResponse<String> deleted = post("/microsoft/notifications",
                "{\"value\":[" + plainItem("deleted", "19:abc@thread.v2", "1700000000001") + "]}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(401);
        assertThat(deleted.body()).contains("validationTokens");
        assertThat(post("/microsoft/notifications", "{\"value\":[" + plainItem("updated", "19:abc@thread.v2", "1700000000001")
                + "],\"validationTokens\":[\"not.a.jwt\"]}").statusCode()).isEqualTo(401);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void notificationsAreJsonOrNothing() throws Exception {
        long before = inboxRows();
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1",
                "*/*", "garbage/"}) {
            HttpResponse<String> response = post("/microsoft/notifications", batch(CLIENT_STATE, null), type);
            assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(415);
        }
        assertThat(post("/microsoft/notifications", "{\"value\":[]}", "application/json; charset=utf-8").statusCode()).isEqualTo(202);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void aThousandAndOneItemsAreRefusedAtOnce() throws Exception {
        long before = inboxRows();
        long started = System.nanoTime();
        HttpResponse<String> response = post("/microsoft/notifications", "{\"value\":[" + "{},".repeat(1000) + "{}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("more than 1000 notifications");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
        assertThat(post("/microsoft/notifications", "{\"value\":[" + "[".repeat(5000) + "]".repeat(5000) + "]}").statusCode())
                .isEqualTo(400);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void idsLongerThanTheInboxTakesAreIgnoredNotFailedOn() throws Exception {
        long before = inboxRows();
        HttpResponse<String> response = post("/microsoft/lifecycle",
                "{\"value\":[" + plainItem("created", "19:" + "c".repeat(300) + "@thread.v2", "1") + "]}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(post("/microsoft/notifications", "{\"value\":[{\"subscriptionId\":\"" + "s".repeat(5000)
                + "\",\"clientState\":\"x\"}]}").statusCode()).isEqualTo(404);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void aFloodOfUnknownSubscriptionIdsReachesTheDatabaseOnlyAFewTimesASecond() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            items.append(i == 0 ? "" : ",").append("{\"subscriptionId\":\"").append(java.util.UUID.randomUUID())
                    .append("\",\"clientState\":\"x\",\"lifecycleEvent\":\"missed\"}");
        }
        HttpResponse<String> response = post("/microsoft/notifications", "{\"value\":[" + items + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aDecryptedMessageThatIsNotTheOneItsResourceNamesIsRefusedAndCounted() {
        // Anyone with our public certificate can encrypt; the cleartext resource chose the recipients,
        // so content naming another message or chat must not be shown under it.
        io.teamsbridge.microsoft.changes.EncryptionCertificate certificate =
                bridge.harness().bean(io.teamsbridge.microsoft.NotificationCertificates.class).active();
        MessageReader reader = bridge.harness().bean(MessageReader.class);
        io.micrometer.core.instrument.Counter mismatched = bridge.harness().bean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("teamsbridge.notifications.mismatched").counter();
        double before = mismatched.count();
        String message = """
                {"id":"%s","chatId":"%s","messageType":"message","createdDateTime":"2026-01-01T00:00:00Z",
                 "from":{"user":{"id":"u","displayName":"Someone"}},"body":{"contentType":"html","content":"<p>hi</p>"}}""";
        MessageRef named = new MessageRef("19:named@thread.v2", "1700000000001");

        assertThat(reader.read(created(io.teamsbridge.microsoft.changes.GraphEncryption.encrypt(message.formatted("1700000000001",
                "19:named@thread.v2"), certificate.certificate(), certificate.id())), named).senderName()).isEqualTo("Someone");
        for (String[] other : new String[][] {{"1700000000002", "19:named@thread.v2"}, {"1700000000001", "19:other@thread.v2"}}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(created(io.teamsbridge.microsoft.changes.GraphEncryption.encrypt(
                    message.formatted(other[0], other[1]), certificate.certificate(), certificate.id())), named))
                    .isInstanceOf(MessageReader.UnreadableMessageException.class).hasMessageContaining("not the one");
        }
        assertThat(mismatched.count() - before).isEqualTo(2.0);
    }

    private static StoredChange created(io.teamsbridge.microsoft.changes.EncryptedContent content) {
        return new StoredChange("subscription", "created", null, null, content);
    }
}
