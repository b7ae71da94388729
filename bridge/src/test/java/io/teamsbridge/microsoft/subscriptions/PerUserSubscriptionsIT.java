package io.teamsbridge.microsoft.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.linking.UserTokens;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The per-user mode: each connected user has one subscription on their own chats, made when they
 * connect and gone when they disconnect or their connection is lost; a message several of them see
 * is processed and decrypted once.
 */
class PerUserSubscriptionsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.mode", "per-user"));

    private static World world;

    @BeforeAll
    static void world() {
        world = bridge.world();
    }

    private static List<JsonNode> subscriptionsOn(Person person) {
        String resource = "/users/" + person.teamsUserId() + "/chats/getAllMessages";
        return bridge.harness().teams().subscriptions().valueStream()
                .filter(s -> s.path("resource").asString().startsWith(resource))
                .filter(s -> s.path("notificationUrl").asString().startsWith(bridge.harness().bridgeUrl().toString()))
                .toList();
    }

    private static JsonNode awaitSubscriptionOn(Person person) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> subscriptionsOn(person).stream().findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private static void awaitNoSubscriptionOn(Person person) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> subscriptionsOn(person).isEmpty());
    }

    private static double count(String name, String... tags) {
        Counter counter = bridge.harness().bean(MeterRegistry.class).find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Person connectedAndAway(String name) {
        Person person = world.connected(world.person(name));
        world.presence(person, "Away", "Away");
        return person;
    }

    @Test
    void connectingMakesOneSubscriptionOnTheUsersOwnChatsWithTheirTokenAndNoTenantWideOne() {
        Person ann = connectedAndAway("ann");

        JsonNode subscription = awaitSubscriptionOn(ann);
        assertThat(subscription.path("resource").asString()).isEqualTo("/users/" + ann.teamsUserId() + "/chats/getAllMessages?model=B");
        assertThat(subscription.path("includeResourceData").asBoolean()).isTrue();
        assertThat(bridge.harness().teams().subscriptions().valueStream()
                .filter(s -> s.path("resource").asString().startsWith("/chats/getAllMessages"))).isEmpty();
        assertThat(bridge.harness().bean(io.teamsbridge.store.SubscriptionRepository.class).findActivePerUser())
                .filteredOn(s -> ann.teamsUserId().equals(s.teamsUserId()))
                .singleElement()
                .satisfies(s -> assertThat(s.heldWith()).isEqualTo(io.teamsbridge.store.GraphSubscription.HeldWith.DELEGATED));
    }

    @Test
    void aGroupMessageSeenThroughThreeMembersSubscriptionsIsDeliveredOnceToEachAwayMemberAndDecryptedOnce() {
        Person bea = connectedAndAway("bea");
        Person cal = connectedAndAway("cal");
        Person dot = connectedAndAway("dot");
        List.of(bea, cal, dot).forEach(PerUserSubscriptionsIT::awaitSubscriptionOn);
        String chat = world.chat("group", "Three of us", bea, cal, dot);
        double received = count("teamsbridge.notifications.received", "change_type", "created", "outcome", "accepted");
        double decrypted = count("teamsbridge.notifications.decrypted");

        String message = world.say(chat, dot, "<p>lunch at noon?</p>");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("teamsbridge.notifications.received", "change_type",
                "created", "outcome", "accepted") >= received + 3);
        world.awaitProcessed(chat, message);

        assertThat(count("teamsbridge.notifications.received", "change_type", "created", "outcome", "accepted"))
                .as("one notification through each member's subscription").isEqualTo(received + 3);
        assertThat(count("teamsbridge.notifications.decrypted")).as("but one decryption").isEqualTo(decrypted + 1);
        for (Person away : List.of(bea, cal)) {
            assertThat(world.notifications(away)).filteredOn(p -> p.path("message").asString().contains("lunch at noon?"))
                    .hasSize(1);
        }
        assertThat(world.notifications(dot)).as("the writer is not told").isEmpty();
    }

    @Test
    void disconnectingDeletesTheSubscriptionAtGraph() {
        Person eli = connectedAndAway("eli");
        awaitSubscriptionOn(eli);

        world.commandConfirmed(eli.mattermostUserId(), "disconnect");

        awaitNoSubscriptionOn(eli);
        assertThat(bridge.harness().bean(io.teamsbridge.store.SubscriptionRepository.class).findActivePerUser())
                .noneMatch(s -> eli.teamsUserId().equals(s.teamsUserId()));
    }

    @Test
    void aLostConnectionTakesItsSubscriptionAlongAndTheUserIsTold() {
        Person fay = connectedAndAway("fay");
        awaitSubscriptionOn(fay);
        bridge.harness().teams().revoke(fay.teamsUserId());

        // Near the access token's expiry the bridge refreshes it, and Microsoft refuses: the connection is lost.
        bridge.harness().clock().advance(Duration.ofMinutes(58));
        assertThat(bridge.harness().bean(UserTokens.class).accessToken(fay.mattermostUserId())).isEmpty();
        Optional<AccountLink> link = bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(fay.mattermostUserId());
        assertThat(link).get().extracting(AccountLink::status).isEqualTo(AccountLink.Status.LOST);

        awaitNoSubscriptionOn(fay);
        assertThat(bridge.harness().chat().botPosts(fay.mattermostUserId()))
                .filteredOn(p -> p.path("message").asString().contains("Your Microsoft Teams connection was lost")).hasSize(1);
    }

    @Test
    void aFullQuotaIsRefusedCountedAndToldOnceAndTheSubscriptionIsMadeWhenASlotIsFree() {
        Person gus = world.person("gus");
        List<String> otherApps = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            otherApps.add(bridge.harness().teams().subscribeOtherApp("/users/" + gus.teamsUserId() + "/chats/getAllMessages"));
        }
        double refused = count("teamsbridge.subscriptions.refused", "reason", "quota");

        world.connected(gus);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("teamsbridge.subscriptions.refused", "reason", "quota")
                > refused);
        bridge.harness().bean(SubscriptionManager.class).maintain();

        assertThat(subscriptionsOn(gus)).isEmpty();
        assertThat(bridge.harness().chat().botPosts(gus.mattermostUserId()))
                .filteredOn(p -> p.path("message").asString().contains("could not be turned on"))
                .singleElement()
                .satisfies(p -> assertThat(p.path("message").asString()).contains("at most 10 such subscriptions per person"));
        assertThat(bridge.harness().bean(io.teamsbridge.store.SubscriptionRepository.class).refusals())
                .anySatisfy(r -> assertThat(r.teamsUserId()).isEqualTo(gus.teamsUserId()));

        bridge.harness().teams().deleteSubscription(otherApps.getFirst());
        bridge.harness().clock().advance(SubscriptionRefusals.RETRY_REFUSED.plusMinutes(1));
        bridge.harness().bean(SubscriptionManager.class).maintain();

        awaitSubscriptionOn(gus);
        assertThat(bridge.harness().bean(io.teamsbridge.store.SubscriptionRepository.class).refusals())
                .noneSatisfy(r -> assertThat(r.teamsUserId()).isEqualTo(gus.teamsUserId()));
    }

    @Test
    void theAdministratorAndDoctorSeeTheModesSideBySideWithTheDaysTraffic() {
        String admin = bridge.harness().chat().createUser("root" + System.nanoTime() % 100000, "root" + System.nanoTime() % 100000
                + "@example.com", "Ada", "Admin", "system_user system_admin", "en");
        bridge.harness().chat().addTeamMember(world.teamId(), admin);
        Person hal = connectedAndAway("hal");
        awaitSubscriptionOn(hal);
        String chat = world.chat("oneOnOne", null, hal, world.person("ivy"));
        world.awaitProcessed(chat, world.say(chat, hal, "<p>counted</p>"));
        bridge.harness().bean("trafficCountsJob", io.teamsbridge.ops.PeriodicJob.class).runNow();

        String status = world.command(admin, "admin");

        assertThat(status).containsPattern("Subscription \\| per-user: \\d+ of \\d+ connected users have one")
                .containsPattern("\\| \\*\\*per-user, delegated tokens\\*\\* \\(in use\\) \\| none \\| Chat.Read and Presence.Read.All")
                .containsPattern("\\| [1-9][0-9,]* received in the last 24 hours; [1-9][0-9,]* could concern a connected user \\|")
                .contains("| tenant | Chat.Read.All, Presence.Read.All (granted) |")
                .contains("every chat message of the organisation (not seen in this mode");
        String doctor = io.teamsbridge.doctor.Doctor.render(bridge.harness().bean(io.teamsbridge.doctor.Doctor.class).examine());
        assertThat(doctor).containsPattern("Mode per-user, delegated tokens \\(in use\\) +application permissions none; delegated: "
                + "Chat.Read and Presence.Read.All")
                .containsPattern("Presence +read by the app, which holds the application permission Presence.Read.All")
                .containsPattern("Graph subscriptions \\(per-user mode, delegated tokens\\) +\\d+ of \\d+ connected user");
    }

    @Test
    void aSubscriptionGraphLostSilentlyIsMadeAgainAndOnlyItsUsersGapIsFetched() {
        Person jo = connectedAndAway("jo");
        String lostId = awaitSubscriptionOn(jo).path("id").asString();
        Person kim = world.person("kim");
        String chat = world.chat("oneOnOne", null, jo, kim);
        bridge.harness().teams().deleteSubscription(lostId); // gone at Graph, without a word

        String missed = world.say(chat, kim, "<p>sent into the gap</p>");
        // Each pass asks Graph about the few subscriptions it confirmed longest ago; jo's comes up.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            bridge.harness().bean(SubscriptionManager.class).maintain();
            return subscriptionsOn(jo).stream().anyMatch(s -> !s.path("id").asString().equals(lostId));
        });
        bridge.harness().bean("catchUpJob", io.teamsbridge.ops.PeriodicJob.class).runNow();
        world.awaitProcessed(chat, missed);

        assertThat(world.notifications(jo)).filteredOn(p -> p.path("message").asString().contains("sent into the gap")).hasSize(1);
        assertThat(bridge.harness().bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT teams_user_id FROM catch_up WHERE reason LIKE ? ORDER BY id DESC").param("%" + lostId + "%")
                .query(String.class).list()).as("a window for jo alone").containsExactly(jo.teamsUserId());
    }
}
