package io.teamsbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metrics an operator watches, after a scripted scenario: one recipient notified, one held back
 * because they are active in Teams, one forged request refused. Their names, labels and values are
 * read from {@code /actuator/prometheus} as Prometheus scrapes it; and every metric and label the
 * Grafana dashboard and the example alert rules in docs/monitoring name is exported.
 */
class MonitoringIT {
    private static final Path DASHBOARD = Path.of("../docs/monitoring/grafana-dashboard.json");
    private static final Path ALERTS = Path.of("../docs/monitoring/prometheus-alerts.yml");
    private static final Pattern METRIC = Pattern.compile("\\bteamsbridge_[a-z0-9_]+");
    /** {@code by (a, b) (rate(NAME…} or {@code by (a) (NAME…}: the labels a query groups NAME by. */
    private static final Pattern GROUPED = Pattern.compile(
            "by \\(([a-z_, ]+)\\) \\((?:(?:rate|increase)\\()?(teamsbridge_[a-z0-9_]+)");
    private static final Pattern SELECTED = Pattern.compile("(teamsbridge_[a-z0-9_]+)\\{([^}]*)}");

    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static Map<String, List<Sample>> scraped;

    record Sample(Map<String, String> labels, double value) {}

    @BeforeAll
    static void scenario() {
        World world = bridge.world();
        world.awaitSubscription();
        Person sender = world.person("sender");
        Person away = world.connected(world.person("away"));
        Person active = world.connected(world.person("active"));
        world.presence(away, "Away", "Away");
        world.presence(active, "Available", "Available");
        world.presence(sender, "Available", "Available");
        String chat = world.chat("group", "Release", sender, away, active);
        String message = world.say(chat, sender, "<p>ship it?</p>");
        world.awaitProcessed(chat, message);
        assertThat(world.notifications(away)).hasSize(1);
        HttpResponse<String> forged = post("/microsoft/notifications",
                "{\"value\":[{\"subscriptionId\":\"x\",\"changeType\":\"created\",\"clientState\":\"guess\","
                        + "\"resource\":\"chats('a')/messages('b')\"}]}");
        assertThat(forged.statusCode()).isBetween(400, 499);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> value(scrape(), "teamsbridge_inbox_waiting", Map.of()) == 0);
        scraped = scrape();
    }

    @Test
    void deliveriesAreCountedByOutcomeAndReason() {
        assertThat(value(scraped, "teamsbridge_notifications_delivered_total", Map.of())).isEqualTo(1);
        assertThat(value(scraped, "teamsbridge_notifications_not_delivered_total", Map.of("reason", "present"))).isEqualTo(1);
        assertThat(value(scraped, "teamsbridge_notifications_delay_seconds_count", Map.of())).isEqualTo(1);
        assertThat(value(scraped, "teamsbridge_notifications_delay_seconds_bucket", Map.of("le", "3600.0"))).isEqualTo(1);
        assertThat(value(scraped, "teamsbridge_notifications_received_total",
                Map.of("change_type", "created", "outcome", "accepted"))).isGreaterThanOrEqualTo(1);
        assertThat(value(scraped, "teamsbridge_notifications_received_total", Map.of("outcome", "forged"))
                + value(scraped, "teamsbridge_notifications_received_total", Map.of("outcome", "unknown_subscription")))
                .as("the forged request is counted as refused").isEqualTo(1);
    }

    @Test
    void usersAndInboxAreGauged() {
        assertThat(value(scraped, "teamsbridge_connections", Map.of("state", "active"))).isEqualTo(2);
        assertThat(value(scraped, "teamsbridge_connections", Map.of("state", "lost"))).isZero();
        assertThat(value(scraped, "teamsbridge_inbox_waiting", Map.of())).isZero();
        assertThat(value(scraped, "teamsbridge_inbox_oldest_due_seconds", Map.of())).isZero();
        assertThat(value(scraped, "teamsbridge_token_refresh_failures_total", Map.of("reason", "rejected"))).isZero();
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsExported() throws IOException {
        for (Path file : List.of(DASHBOARD, ALERTS)) {
            String text = Files.readString(file);
            Set<String> named = new TreeSet<>();
            Matcher m = METRIC.matcher(text);
            while (m.find()) {
                named.add(m.group());
            }
            assertThat(named).as(file + " names our metrics").hasSizeGreaterThan(5);
            named.removeAll(scraped.keySet());
            assertThat(named).as("metrics named in " + file + " and not exported").isEmpty();
        }
    }

    @Test
    void everyLabelTheDashboardAndTheAlertsUseExists() throws IOException {
        for (Path file : List.of(DASHBOARD, ALERTS)) {
            String text = Files.readString(file).replace("\\\"", "\"");
            List<String[]> uses = new ArrayList<>();
            Matcher grouped = GROUPED.matcher(text);
            while (grouped.find()) {
                for (String label : grouped.group(1).split(",")) {
                    uses.add(new String[] {grouped.group(2), label.trim()});
                }
            }
            Matcher selected = SELECTED.matcher(text);
            while (selected.find()) {
                for (String matcher : selected.group(2).split(",")) {
                    uses.add(new String[] {selected.group(1), matcher.split("[=!~]")[0].trim()});
                }
            }
            assertThat(uses).as(file + " uses labels").isNotEmpty();
            for (String[] use : uses) {
                if (use[1].equals("le") || use[1].equals("instance") || use[1].isEmpty()) {
                    continue; // le: every histogram bucket; instance: added by Prometheus at scrape time
                }
                assertThat(scraped.get(use[0])).as(use[0] + " in " + file).isNotNull();
                assertThat(scraped.get(use[0])).as(file + ": " + use[0] + " has the label " + use[1])
                        .anySatisfy(sample -> assertThat(sample.labels()).containsKey(use[1]));
            }
        }
    }

    @Test
    void theDashboardAndTheRulesAreWellFormed() throws IOException {
        tools.jackson.databind.JsonNode dashboard = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("panels").size()).isGreaterThan(10);
        for (tools.jackson.databind.JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("title").asString()).isNotBlank();
                assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty()
                        .allSatisfy(target -> assertThat(target.path("expr").asString()).contains("teamsbridge_"));
            }
        }
        Map<String, Object> rules = new org.yaml.snakeyaml.Yaml().load(Files.readString(ALERTS));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) groups.getFirst().get("rules");
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(5).allSatisfy(rule -> {
            assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
            assertThat(rule.get("annotations").toString()).contains("summary=", "description=");
            assertThat(rule.get("expr").toString()).contains("teamsbridge_");
        });
        assertThat(alerts).extracting(rule -> rule.get("alert")).contains("TeamsBridgeSubscriptionExpiringSoon",
                "TeamsBridgeInboxNotMoving", "TeamsBridgeDeliveryErrors", "TeamsBridgeClientSecretExpiring");
    }

    /** The sum of the series of {@code name} whose labels include {@code labels}; 0 when there is none. */
    private static double value(Map<String, List<Sample>> metrics, String name, Map<String, String> labels) {
        return metrics.getOrDefault(name, List.of()).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    private static Map<String, List<Sample>> scrape() {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, List<Sample>> metrics = new HashMap<>();
        Pattern line = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)(?: \\d+)?");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (String text : response.body().split("\n")) {
            Matcher m = line.matcher(text);
            if (text.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = label.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            metrics.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new Sample(labels, Double.parseDouble(m.group(3))));
        }
        return metrics;
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + path)).GET().build());
    }

    private static HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
