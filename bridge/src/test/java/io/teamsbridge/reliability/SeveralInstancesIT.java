package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.BridgeProcess;
import io.teamsbridge.testing.RoundRobinProxy;
import io.teamsbridge.testing.TestDatabase;
import io.teamsbridge.testing.World;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Three bridge processes on one PostgreSQL behind a round-robin balancer that takes Graph's
 * webhook deliveries, Mattermost's slash commands and the browsers' connect requests: 1,000
 * messages across 50 chats; one instance killed ({@code kill -9}) in the middle, later the one
 * holding the subscription's lease. Every message arrives exactly once, in order within each chat,
 * and a survivor takes the subscription over and renews it.
 */
class SeveralInstancesIT {
    private static final int CHATS = 50;
    private static final int MESSAGES = 1_000;
    private static final int REPLIES = 20;

    @Test
    void threeInstancesDeliverEveryMessageOnceInOrderWhileTwoAreKilled() throws Exception {
        assumeTrue("postgres".equals(TestDatabase.selectedKind()), "several instances need PostgreSQL (run once, in its pass)");
        assumeTrue(BridgeProcess.jar() != null, "target/teams-bridge.jar is not built (run through mvn verify)");
        Map<String, String> settings = Map.of(
                "notifications.claim-lease", "10s",
                "bridge.job-lease", "10s",
                "notifications.retry-max-delay", "5s",
                "mattermost.command-sync-interval", "2s",
                "microsoft.subscription.check-interval", "2s",
                // Renew on every check, so a survivor's renewal shows within seconds.
                "microsoft.subscription.renew-before", "4300m");
        try (BridgeHarness harness = BridgeHarness.withoutBridge(settings);
                RoundRobinProxy balancer = RoundRobinProxy.start(harness.bridgeUrl().getPort())) {
            List<BridgeProcess> instances = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    int port = freePort();
                    Map<String, String> own = new LinkedHashMap<>(harness.bridgeProperties());
                    own.put("server.port", String.valueOf(port));
                    Path log = Files.createTempFile("instance-" + i + "-", ".log");
                    URI url = URI.create("http://127.0.0.1:" + port);
                    instances.add(BridgeProcess.start(own, url, log));
                    logs.add(log);
                    balancer.add(url);
                }
                World world = new World(harness);
                world.awaitSubscription();
                repliesAreSentOnceWhileEveryInstanceListens(harness, world);
                Traffic traffic = new Traffic(harness, world, CHATS);

                for (int n = 0; n < MESSAGES / 2; n++) {
                    traffic.send(n);
                }
                int holder = leaseHolder(logs);
                int victim = (holder + 1) % 3;
                instances.get(victim).kill();
                for (int n = MESSAGES / 2; n < MESSAGES; n++) {
                    traffic.send(n);
                }
                JsonNode before = world.awaitSubscription();
                Instant killedAt = Instant.now();
                instances.get(holder).kill();

                traffic.assertEachDeliveredExactlyOnce(Duration.ofMinutes(3));
                traffic.assertInOrderPerRecipient();
                int[] result = traffic.deliveredAndDuplicated();
                Reliability.report("3 instances on PostgreSQL, 2 killed (kill -9) while 1,000 messages flow", traffic.sentCount(),
                        result[0], result[1]);

                int survivor = 3 - holder - victim;
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        Files.readString(logs.get(survivor)).contains("This instance now runs the job 'subscriptions'."));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    JsonNode now = world.awaitSubscription();
                    return now.path("id").asString().equals(before.path("id").asString())
                            && Instant.parse(now.path("expirationDateTime").asString())
                                    .isAfter(Instant.parse(before.path("expirationDateTime").asString()))
                            && Files.readString(logs.get(survivor)).contains("Renewed Graph subscription");
                });
                System.out.printf("The surviving instance took the subscription over %d s after its holder was killed.%n",
                        Duration.between(killedAt, Instant.now()).toSeconds());
            } finally {
                for (BridgeProcess instance : instances) {
                    instance.close();
                }
            }
        }
    }

    /**
     * Every instance hears each reply on its own WebSocket; each reply still reaches Teams once, and
     * one chat's replies in the order they were written.
     */
    private static void repliesAreSentOnceWhileEveryInstanceListens(BridgeHarness harness, World world) {
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.chat().webSockets().size() >= 3);
        World.Person writer = world.connectedAndAway("replier");
        World.Person other = world.person("other");
        String chat = world.chat("oneOnOne", null, other, writer);
        world.say(chat, other, "<p>answer me</p>");
        String root = await().atMost(Duration.ofSeconds(30)).until(() -> world.threadRoots(writer).stream()
                .map(r -> r.path("id").asString()).findFirst().orElse(null), java.util.Objects::nonNull);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= REPLIES; i++) {
            harness.chat().postToBot(writer.mattermostUserId(), "reply " + i, root);
            expected.add("<p>reply " + i + "</p>");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> sentBy(harness, chat, writer).size() >= REPLIES);
        assertThat(sentBy(harness, chat, writer)).as("each reply once, in order").containsExactlyElementsOf(expected);
    }

    private static List<String> sentBy(BridgeHarness harness, String chatId, World.Person person) {
        List<String> mine = new ArrayList<>();
        for (JsonNode m : harness.teams().chatMessages(chatId)) {
            if (m.path("fromUserId").asString("").equals(person.teamsUserId())) {
                mine.add(m.path("content").asString());
            }
        }
        return mine;
    }

    /** The instance whose log says it runs the subscription job (the last to say so). */
    private static int leaseHolder(List<Path> logs) throws Exception {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            int found = -1;
            for (int i = 0; i < logs.size(); i++) {
                if (Files.readString(logs.get(i)).contains("This instance now runs the job 'subscriptions'.")) {
                    found = i;
                }
            }
            return found;
        }, i -> i >= 0);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
