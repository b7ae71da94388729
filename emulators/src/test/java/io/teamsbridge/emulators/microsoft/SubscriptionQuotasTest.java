package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.emulators.microsoft.MicrosoftControlClient.Quotas;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's quotas on user-level subscriptions: 10 per user and 10,000 per organization, counting
 * every app's. The emulator registers one app, which holds at most one subscription per user, so
 * the other apps' subscriptions come from the control API.
 */
class SubscriptionQuotasTest {
    TeamsWorld world;
    String aliceChats;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
        aliceChats = "/users/" + world.alice + "/chats/getAllMessages";
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void theEleventhSubscriptionOnAUsersChatsIsRefusedWhicheverAppAsks() {
        for (int i = 0; i < 10; i++) {
            world.control().subscribeOtherApp(aliceChats);
        }

        HttpResponse<String> eleventh = world.subscribe(world.subscription(aliceChats + "?model=B"));
        HttpResponse<String> mine = world.graph("POST", "/subscriptions",
                world.subscription("/me/chats/getAllMessages"), world.userToken(world.alice));

        assertThat(eleventh.statusCode()).as(eleventh.body()).isEqualTo(403);
        JsonNode error = TestHttp.json(eleventh).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("ExtensionError");
        assertThat(error.get("message").stringValue())
                .startsWith("Operation: Create; Exception: [Status Code: Forbidden;")
                .contains("User '" + world.alice + "' already has 10 subscription(s)")
                .contains("the limit is 10 per user");
        assertThat(mine.statusCode()).as("/me is the signed-in user's chats").isEqualTo(403);
        assertThat(world.webhook.validations()).as("refused before any handshake").isEmpty();
        assertThatThrownBy(() -> world.control().subscribeOtherApp(aliceChats)).hasMessageContaining("403")
                .hasMessageContaining("10 per user");
        world.subscribed(world.subscription("/users/" + world.bob + "/chats/getAllMessages"));
        assertThat(world.control().subscriptions()).hasSize(11);
    }

    @Test
    void aDeletedOrExpiredSubscriptionFreesItsSlot() {
        world.control().subscribeOtherApp(null, aliceChats, world.now().plus(Duration.ofMinutes(10)));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            others.add(world.control().subscribeOtherApp(aliceChats));
        }
        assertThat(world.subscribe(world.subscription(aliceChats)).statusCode()).isEqualTo(403);

        world.control().deleteSubscription(others.getFirst());
        String mine = world.subscribed(world.subscription(aliceChats));
        assertThatThrownBy(() -> world.control().subscribeOtherApp(aliceChats)).hasMessageContaining("10 per user");

        assertThat(world.graph("DELETE", "/subscriptions/" + mine, null, world.appToken).statusCode()).isEqualTo(204);
        world.advance(Duration.ofMinutes(11));
        world.control().subscribeOtherApp(aliceChats);
        world.control().subscribeOtherApp(aliceChats);
        assertThatThrownBy(() -> world.control().subscribeOtherApp(aliceChats)).hasMessageContaining("10 per user");
    }

    @Test
    void theOrganizationQuotaCountsEveryAppsSubscriptions() {
        assertThat(world.control().quotas()).isEqualTo(Quotas.GRAPH);
        world.control().setQuotas(new Quotas(10, 2));
        String alices = world.subscribed(world.subscription(aliceChats));
        world.control().subscribeOtherApp("/users/" + world.bob + "/chats/getAllMessages");

        String carolChats = "/users/" + world.carol + "/chats/getAllMessages";

        HttpResponse<String> carols = world.subscribe(world.subscription(carolChats));

        assertThat(carols.statusCode()).as(carols.body()).isEqualTo(403);
        assertThat(TestHttp.json(carols).get("error").get("message").stringValue())
                .contains("The organization already has 2 chat message subscription(s), counting every app's")
                .contains("the limit is 2 per organization");
        assertThat(world.graph("DELETE", "/subscriptions/" + alices, null, world.appToken).statusCode()).isEqualTo(204);
        world.subscribed(world.subscription(carolChats));
    }

    @Test
    void quotasAreMergedAndValidatedLikeFaults() {
        URI quotas = URI.create(world.emulator.baseUrl() + "/_sandbox/quotas");

        HttpResponse<String> partial = world.flow.http.putJson(quotas, "{\"subscriptionsPerOrganization\":2}");
        HttpResponse<String> negative = world.flow.http.putJson(quotas, "{\"subscriptionsPerUser\":-1}");
        HttpResponse<String> text = world.flow.http.putJson(quotas, "{\"subscriptionsPerUser\":\"ten\"}");
        HttpResponse<String> unknown = world.flow.http.putJson(quotas, "{\"perUser\":3}");
        HttpResponse<String> halfBad = world.flow.http.putJson(quotas,
                "{\"subscriptionsPerUser\":3,\"subscriptionsPerOrganization\":1.5}");

        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(partial).toString())
                .isEqualTo("{\"subscriptionsPerUser\":10,\"subscriptionsPerOrganization\":2}");
        assertThat(List.of(negative, text, unknown, halfBad))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
        assertThat(TestHttp.json(negative).get("message").stringValue()).contains("subscriptionsPerUser");
        assertThat(TestHttp.json(unknown).get("message").stringValue()).contains("subscriptionsPerOrganization");
        assertThat(world.control().quotas()).as("a refused body changes nothing").isEqualTo(new Quotas(10, 2));
        assertThat(world.control().setQuotas(new Quotas(0, 10_000))).isEqualTo(new Quotas(0, 10_000));
        assertThat(world.subscribe(world.subscription(aliceChats)).statusCode()).isEqualTo(403);
    }

    @Test
    void anotherAppsSubscriptionIsListedButNeverNotified() {
        String chat = world.groupChat();
        String other = world.control().subscribeOtherApp("9a3f1c52-0d7e-4b8e-9a51-2f0c2b6f7d11", aliceChats, null);

        world.control().postMessage(chat, world.bob, "text", "nobody of ours listens");

        JsonNode listed = world.control().subscriptions().get(0);
        assertThat(listed.get("id").stringValue()).isEqualTo(other);
        assertThat(listed.get("applicationId").stringValue()).isEqualTo("9a3f1c52-0d7e-4b8e-9a51-2f0c2b6f7d11");
        assertThat(listed.get("notificationUrl").isNull()).isTrue();
        assertThat(world.getJson("/subscriptions").get("value")).as("the registered app sees only its own")
                .isEmpty();
        world.webhook.assertQuietFor(Duration.ofMillis(150), 0);
        assertThat(world.control().notificationsBySubscription().get(other))
                .isEqualTo(new MicrosoftControlClient.SubscriptionNotifications(aliceChats, 0));
    }

    @Test
    void anotherAppsSubscriptionIsCheckedAsGraphWouldAndNeverTheRegisteredApps() {
        URI subscriptions = URI.create(world.emulator.baseUrl() + "/_sandbox/subscriptions");

        HttpResponse<String> registered = world.flow.http.postJson(subscriptions, "{\"resource\":\"" + aliceChats
                + "\",\"applicationId\":\"" + world.emulator.clientId() + "\"}");
        HttpResponse<String> noResource = world.flow.http.postJson(subscriptions, "{}");
        HttpResponse<String> me = world.flow.http.postJson(subscriptions,
                "{\"resource\":\"/me/chats/getAllMessages\"}");
        HttpResponse<String> badTime = world.flow.http.postJson(subscriptions, "{\"resource\":\"" + aliceChats
                + "\",\"expirationDateTime\":\"tomorrow\"}");
        HttpResponse<String> tooLong = world.flow.http.postJson(subscriptions, "{\"resource\":\"" + aliceChats
                + "\",\"expirationDateTime\":\"" + world.now().plus(Duration.ofDays(4)) + "\"}");
        String app = "1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        world.control().subscribeOtherApp(app, aliceChats, null);

        assertThat(List.of(registered, noResource, me, badTime, tooLong))
                .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(400));
        assertThat(TestHttp.json(registered).get("message").stringValue()).contains("POST /v1.0/subscriptions");
        assertThatThrownBy(() -> world.control().subscribeOtherApp(app, aliceChats, null))
                .hasMessageContaining("403").hasMessageContaining("1 per app and resource");
        assertThat(world.control().subscriptions()).hasSize(1);
        assertThat(world.control().notificationsBySubscription()).hasSize(1);
    }
}
