package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient.SubscriptionNotifications;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class NotificationsTest {
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
    void aMessageArrivesEncryptedAsTheStoredChatMessageWithAValidToken() throws Exception {
        SharedVector vector = SharedVector.require();
        String subscription = world.subscribed(world.richSubscription(ALL_MESSAGES, vector));
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));

        String id = world.control().postMessage(chat, world.alice, "html", "<p>Hi <at id=\"0\">Bob Baker</at></p>",
                List.of(new MicrosoftControlClient.Mention(0, "Bob Baker", world.bob)), List.of());

        JsonNode item = world.webhook.awaitItems(1).getFirst();
        assertThat(world.webhook.deliveries().getFirst().path()).isEqualTo("/notifications");
        assertThat(item.get("subscriptionId").stringValue()).isEqualTo(subscription);
        assertThat(item.get("changeType").stringValue()).isEqualTo("created");
        assertThat(item.get("clientState").stringValue()).isEqualTo("s3cret-state");
        assertThat(item.get("tenantId").stringValue()).isEqualTo(world.emulator.tenantId());
        assertThat(item.get("subscriptionExpirationDateTime").stringValue()).endsWith("0000000Z");
        String resource = "chats('" + chat + "')/messages('" + id + "')";
        assertThat(item.get("resource").stringValue()).isEqualTo(resource);
        assertThat(item.get("resourceData").get("id").stringValue()).isEqualTo(id);
        assertThat(item.get("resourceData").get("@odata.type").stringValue()).isEqualTo("#Microsoft.Graph.chatMessage");
        assertThat(item.get("resourceData").get("@odata.id").stringValue()).isEqualTo(resource);
        JsonNode encrypted = item.get("encryptedContent");
        assertThat(encrypted.get("encryptionCertificateId").stringValue()).isEqualTo("bridge-cert-1");
        assertThat(encrypted.get("encryptionCertificateThumbprint").stringValue()).isEqualTo(vector.thumbprint())
                .isEqualTo("4B95353E086AD37196606ACF834A14532F03E6DB");

        ObjectNode decrypted = (ObjectNode) Json.parse(vector.decrypt(encrypted).getBytes(StandardCharsets.UTF_8));
        ObjectNode stored = (ObjectNode) world.getJson("/chats/" + chat + "/messages/" + id);
        assertThat(decrypted.remove("@odata.context").stringValue())
                .isEqualTo(world.emulator.baseUrl() + "/$metadata#chats('" + chat.replace(":", "%3A")
                        .replace("@", "%40") + "')/messages/$entity");
        stored.remove("@odata.context");
        assertThat(decrypted).isEqualTo(stored);

        JsonNode tokens = world.webhook.deliveries().getFirst().body().get("validationTokens");
        assertThat(tokens).hasSize(1);
        assertValidToken(tokens.get(0).stringValue());
    }

    @Test
    void editsAndDeletesAreNotifiedInOrderAndBasicNotificationsCarryNoData() {
        world.subscribed(world.subscription(ALL_MESSAGES));
        String chat = world.groupChat();

        String id = world.control().postMessage(chat, world.bob, "text", "draft");
        world.control().editMessage(chat, id, "final");
        world.control().deleteMessage(chat, id);

        List<JsonNode> items = world.webhook.awaitItems(3);
        assertThat(items).extracting(i -> i.get("changeType").stringValue())
                .containsExactly("created", "updated", "deleted");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("resourceData").get("id").stringValue()).isEqualTo(id);
            assertThat(i.has("encryptedContent")).isFalse();
        });
        assertThat(world.webhook.deliveries()).allSatisfy(d -> assertThat(d.body().has("validationTokens")).isFalse());
    }

    @Test
    void addedMembersAreNotifiedAsSystemEventsTypedAsTheSubscriptionAsked() throws Exception {
        SharedVector vector = SharedVector.require();
        String chat = world.control().createChat("group", "Ops", List.of(world.alice, world.bob));
        String plain = world.subscribed(world.richSubscription(ALL_MESSAGES, vector));
        String preferring = world.subscribed(world.richSubscription("/chats/" + chat + "/messages", vector),
                "Prefer", "include-unknown-enum-members");

        String id = world.control().addMember(chat, world.carol);

        List<JsonNode> items = world.webhook.awaitItems(2);
        for (JsonNode item : items) {
            JsonNode message = Json.parse(vector.decrypt(item.get("encryptedContent")).getBytes(StandardCharsets.UTF_8));
            assertThat(message.get("id").stringValue()).isEqualTo(id);
            assertThat(message.get("eventDetail").get("members").get(0).get("id").stringValue()).isEqualTo(world.carol);
            String subscription = item.get("subscriptionId").stringValue();
            assertThat(message.get("messageType").stringValue()).isEqualTo(subscription.equals(preferring)
                    ? "systemEventMessage" : "unknownFutureValue");
            assertThat(subscription).isIn(plain, preferring);
        }
    }

    @Test
    void aUserSubscriptionHearsOnlyChatsTheUserIsIn() {
        world.subscribed(world.subscription("/users/" + world.carol + "/chats/getAllMessages"));
        String chat = world.control().createChat("group", null, List.of(world.alice, world.bob));

        world.control().postMessage(chat, world.alice, "text", "before carol");
        String added = world.control().addMember(chat, world.carol);
        String after = world.control().postMessage(chat, world.alice, "text", "with carol");

        List<JsonNode> items = world.webhook.awaitItems(2);
        assertThat(items).extracting(i -> i.get("resourceData").get("id").stringValue()).containsExactly(added, after);
        world.webhook.assertQuietFor(Duration.ofMillis(150), 2);
    }

    @Test
    void eachMembersSubscriptionIsNotifiedOnceAndCountedApart() throws InterruptedException {
        String aliceChats = "/users/" + world.alice + "/chats/getAllMessages";
        String bobChats = "/users/" + world.bob + "/chats/getAllMessages?model=B";
        String alices = world.subscribed(world.subscription(aliceChats));
        String bobs = world.subscribed(world.subscription(bobChats));
        String carols = world.subscribed(world.subscription("/users/" + world.carol + "/chats/getAllMessages"));
        String chat = world.control().createChat("group", "Pair", List.of(world.alice, world.bob));

        String id = world.control().postMessage(chat, world.alice, "text", "hello both");

        List<JsonNode> items = world.webhook.awaitItems(2);
        assertThat(items).extracting(i -> i.get("subscriptionId").stringValue())
                .containsExactlyInAnyOrder(alices, bobs);
        assertThat(items).allSatisfy(i -> assertThat(i.get("resourceData").get("id").stringValue()).isEqualTo(id));
        Map<String, SubscriptionNotifications> counts =
                awaitCounts(c -> c.get(alices).sent() + c.get(bobs).sent() == 2);
        assertThat(counts.get(alices)).isEqualTo(new SubscriptionNotifications(aliceChats, 1));
        assertThat(counts.get(bobs)).isEqualTo(new SubscriptionNotifications(bobChats, 1));
        assertThat(counts.get(carols).sent()).as("carol is not in the chat").isZero();
        world.webhook.assertQuietFor(Duration.ofMillis(150), 2);

        world.graph("DELETE", "/subscriptions/" + alices, null, world.appToken);
        world.control().postMessage(chat, world.bob, "text", "only bob's subscription hears this");

        world.webhook.awaitItems(3);
        counts = awaitCounts(c -> c.get(bobs).sent() == 2);
        assertThat(counts.get(alices)).as("kept after the subscription is deleted")
                .isEqualTo(new SubscriptionNotifications(aliceChats, 1));
        assertThat(world.control().stats().get("notificationsSent").asLong()).isEqualTo(3);
    }

    @Test
    void notificationsQueuedDuringADeliveryGoOutTogetherInOrder() {
        world.subscribed(world.subscription(ALL_MESSAGES));
        String chat = world.groupChat();
        world.webhook.answerNext(Webhook.Answer.after(Duration.ofMillis(300)));

        String first = world.control().postMessage(chat, world.alice, "text", "m0");
        world.webhook.awaitItems(1);
        List<String> more = List.of(world.control().postMessage(chat, world.alice, "text", "m1"),
                world.control().postMessage(chat, world.bob, "text", "m2"),
                world.control().postMessage(chat, world.carol, "text", "m3"));

        List<JsonNode> items = world.webhook.awaitItems(4);
        assertThat(items).extracting(i -> i.get("resourceData").get("id").stringValue())
                .containsExactly(first, more.get(0), more.get(1), more.get(2));
        assertThat(world.webhook.deliveries()).hasSize(2);
        // Counted when the receiver's answer is back, a moment after it recorded the items.
        long sent = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> world.control().stats().get("notificationsSent").asLong(), n -> n >= 4);
        assertThat(sent).isEqualTo(4);
    }

    @Test
    void withoutABillingModelOnlyTheEvaluationQuotaIsNotified() {
        world.close();
        world = new TeamsWorld(TeamsWorld.FAST.withEvaluationMessagesPerMonth(2));
        world.subscribed(world.subscription("/chats/getAllMessages"));
        String chat = world.groupChat();

        for (int i = 0; i < 3; i++) {
            world.control().postMessage(chat, world.alice, "text", "message " + i);
        }

        world.webhook.awaitItems(2);
        world.webhook.assertQuietFor(Duration.ofMillis(150), 2);
    }

    /** The stats count a delivery once the receiver has answered, a moment after it saw the items. */
    private Map<String, SubscriptionNotifications> awaitCounts(Predicate<Map<String, SubscriptionNotifications>> done) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(world.control()::notificationsBySubscription, done);
    }

    private void assertValidToken(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        String keys = world.flow.http.get(URI.create(world.emulator.baseUrl() + "/common/discovery/keys")).body();
        RSAKey key = (RSAKey) JWKSet.parse(keys).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is in the JWKS").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        String tenant = world.emulator.tenantId();
        assertThat(claims.getAudience()).containsExactly(world.emulator.clientId());
        assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + tenant + "/");
        assertThat(claims.getClaims()).contains(Map.entry("tid", tenant),
                Map.entry("appid", "0bf30f3b-4a52-48df-9a82-234910c4a086"),
                Map.entry("azp", "0bf30f3b-4a52-48df-9a82-234910c4a086"), Map.entry("ver", "1.0"),
                Map.entry("appidacr", "2"));
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(world.now());
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(world.now());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(world.now().plus(Duration.ofHours(1)));
    }
}
