package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.BridgeProcess;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The body that used to stop delivery: just under 4 MB of empty items, unauthenticated, sent to a
 * bridge running as the README runs it (112 MiB heap, serial collector). It is refused at once,
 * alone and eight at a time, the heap never runs out, and a genuine message still arrives.
 */
class OversizedBodyProcessIT {
    private static final int FOUR_MB = 4 * 1024 * 1024;

    @Test
    void aBodyOfMillionsOfEmptyItemsIsRefusedAtOnceAndDeliveryGoesOn() throws Exception {
        assumeTrue(BridgeProcess.jar() != null, "target/teams-bridge.jar is not built (run through mvn verify)");
        try (BridgeHarness harness = BridgeHarness.withoutBridge(Map.of("mattermost.command-sync-interval", "1s"))) {
            Path log = Files.createTempFile("bridge-process", ".log");
            try (BridgeProcess bridge = BridgeProcess.start(harness.bridgeProperties(), harness.bridgeUrl(), log)) {
                World world = new World(harness);
                world.awaitSubscription();
                Person sender = world.person("sender");
                Person recipient = world.connected(world.person("recipient"));
                world.presence(recipient, "Away", "Away");
                String chat = world.chat("oneOnOne", null, sender, recipient);

                byte[] body = emptyItems(FOUR_MB - 1);
                URI webhook = URI.create(harness.bridgeUrl() + "/microsoft/notifications");
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

                assertRefusedQuickly(List.of(send(http, webhook, body)));
                List<CompletableFuture<Answer>> eight = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    eight.add(send(http, webhook, body));
                }
                assertRefusedQuickly(eight);

                world.say(chat, sender, "<p>after-the-flood</p>");
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        world.notifications(recipient).stream().anyMatch(p -> p.path("message").asString().contains("after-the-flood")));
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                        URI.create(harness.bridgeUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            }
            String output = Files.readString(log);
            assertThat(output).doesNotContain("OutOfMemoryError");
        }
    }

    /** {@code {"value":[{},{},...]}} of exactly {@code size} bytes. */
    static byte[] emptyItems(int size) {
        StringBuilder json = new StringBuilder(size).append("{\"value\":[{}");
        while (json.length() + 3 + 2 <= size) {
            json.append(",{}");
        }
        json.append("]}");
        while (json.length() < size) {
            json.insert(json.length() - 2, ' ');
        }
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private record Answer(int status, long millis, String failure) {}

    private static CompletableFuture<Answer> send(HttpClient http, URI webhook, byte[] body) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> new Answer(response == null ? -1 : response.statusCode(),
                        (System.nanoTime() - started) / 1_000_000, failure == null ? null : failure.toString()));
    }

    private static void assertRefusedQuickly(List<CompletableFuture<Answer>> requests) {
        List<Answer> answers = requests.stream().map(CompletableFuture::join).toList();
        System.out.println("Oversized bodies: " + answers.size() + " refused with " + answers.stream().map(Answer::status).distinct().toList()
                + " in at most " + answers.stream().mapToLong(Answer::millis).max().orElse(0) + " ms");
        for (Answer answer : answers) {
            assertThat(answer.failure()).as("transport").isNull();
            assertThat(answer.status()).as("status").isBetween(400, 499);
            assertThat(answer.millis()).as("milliseconds to the answer").isLessThan(1000);
        }
    }
}
