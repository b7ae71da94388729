package io.teamsbridge.microsoft.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Switching between the tenant and the per-user mode (a setting and a restart) while messages keep
 * coming: the new mode's subscriptions are in place before the old ones go, messages sent while the
 * bridge restarted arrive through the old ones, and the overlap is delivered once.
 */
class SubscriptionModeSwitchIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private final List<String> sent = new ArrayList<>();
    private World world;
    private Person writer;
    private String chat;
    private List<Person> readers;

    private void send(int count) {
        for (int i = 0; i < count; i++) {
            String text = String.format("switch message %03d", sent.size());
            world.say(chat, writer, "<p>" + text + "</p>");
            sent.add(text);
        }
    }

    private static boolean tenantWide(JsonNode s) {
        return s.path("resource").asString().startsWith("/chats/getAllMessages");
    }

    private static boolean perUser(JsonNode s, Person person) {
        return s.path("resource").asString().startsWith("/users/" + person.teamsUserId() + "/");
    }

    private static List<JsonNode> ours() {
        return bridge.harness().teams().subscriptions().valueStream()
                .filter(s -> s.path("notificationUrl").asString().startsWith(bridge.harness().bridgeUrl().toString()))
                .toList();
    }

    private void restartWithMode(String mode) {
        bridge.harness().stopBridge();
        send(3); // while it is down: Graph delivers these again once it is back
        bridge.harness().setting("microsoft.subscription.mode", mode);
        bridge.harness().startBridge();
    }

    /**
     * The overlap lasts while Graph still delivers again what failed during the restart; the test
     * waits for those deliveries (a positive signal) instead of ten real minutes, then moves the clock.
     */
    private void finishOverlap() {
        readers.forEach(this::awaitEverythingSentSoFar);
        bridge.harness().clock().advance(SubscriptionManager.SWITCH_OVERLAP.plusMinutes(1));
        bridge.harness().bean(SubscriptionManager.class).maintain();
    }

    @Test
    void switchingToPerUserAndBackUnderTrafficLosesNothingAndDoublesNothing() {
        world = bridge.world();
        world.awaitSubscription();
        Person ann = world.connected(world.person("ann"));
        Person ben = world.connected(world.person("ben"));
        world.presence(ann, "Away", "Away");
        world.presence(ben, "Offline", "Offline");
        writer = world.person("cy");
        chat = world.chat("group", "Switching", ann, ben, writer);
        readers = List.of(ann, ben);
        send(3);

        restartWithMode("per-user");
        send(3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ours().stream().anyMatch(s -> perUser(s, ann))
                && ours().stream().anyMatch(s -> perUser(s, ben)));
        assertThat(ours()).as("the tenant-wide subscription stays through the overlap").anyMatch(SubscriptionModeSwitchIT::tenantWide);
        send(3); // through both kinds at once
        finishOverlap();
        assertThat(ours()).noneMatch(SubscriptionModeSwitchIT::tenantWide);
        send(3);

        restartWithMode("tenant");
        send(3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ours().stream().anyMatch(SubscriptionModeSwitchIT::tenantWide));
        assertThat(ours()).as("per-user ones stay through the overlap").anyMatch(s -> perUser(s, ann));
        send(3);
        finishOverlap();
        assertThat(ours()).noneMatch(s -> perUser(s, ann) || perUser(s, ben));
        send(3);

        for (Person reader : readers) {
            awaitEverythingSentSoFar(reader);
            List<String> posts = world.notifications(reader).stream().map(p -> p.path("message").asString()).toList();
            for (String text : sent) {
                assertThat(posts).as("posts to " + reader.username() + " of '" + text + "'")
                        .filteredOn(p -> p.contains(text)).hasSize(1);
            }
        }
    }

    private void awaitEverythingSentSoFar(Person reader) {
        List<String> expected = List.copyOf(sent);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> posts = world.notifications(reader).stream().map(p -> p.path("message").asString()).toList();
            return expected.stream().allMatch(text -> posts.stream().anyMatch(p -> p.contains(text)));
        });
    }
}
