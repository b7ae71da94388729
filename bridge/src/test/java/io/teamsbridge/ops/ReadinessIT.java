package io.teamsbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.TestDatabase;
import io.teamsbridge.testing.World;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness names what it depends on: the database, the workers, Mattermost (reachable, the bot's
 * token accepted), Microsoft (an app token) and the subscription. Mattermost going down makes the
 * service not ready with the reason in the answer, and its return makes it ready again; liveness
 * does not move. The database plays no part in this (H2 pass only).
 */
class ReadinessIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void mattermostDownMakesItNotReadyWithTheReasonAndBackReady() throws Exception {
        assumeTrue("h2".equals(TestDatabase.selectedKind()), "the database plays no part (runs in the H2 pass)");
        try (BridgeHarness harness = BridgeHarness.start(Map.of(), false); HttpClient http = HttpClient.newHttpClient()) {
            new World(harness).awaitSubscription();
            JsonNode ready = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get(http, harness, "/actuator/health/readiness"), r -> r.path("status").asString().equals("UP"));
            assertThat(ready.path("components").propertyNames()).contains("db", "workers", "delivery", "mattermost", "microsoft",
                    "subscription");
            assertThat(ready.path("components").path("subscription").path("details").path("expires").asString()).isNotEmpty();

            harness.mattermost().control().faults(Map.of("down", true));
            JsonNode down = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get(http, harness, "/actuator/health/readiness"), r -> r.path("status").asString().equals("DOWN"));
            assertThat(down.path("components").path("mattermost").path("status").asString()).isEqualTo("DOWN");
            assertThat(down.path("components").path("mattermost").path("details").path("reason").asString())
                    .startsWith("Mattermost answered 503");
            assertThat(get(http, harness, "/actuator/health/liveness").path("status").asString()).isEqualTo("UP");

            harness.mattermost().control().faults(Map.of());
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get(http, harness, "/actuator/health/readiness"), r -> r.path("status").asString().equals("UP"));
        }
    }

    private static JsonNode get(HttpClient http, BridgeHarness harness, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(harness.bridgeUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }
}
