package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft's and Mattermost's clocks five minutes ahead of or behind the bridge's: connecting,
 * notifications, a post whose answer was lost (found again by its time), an edit, and a catch-up
 * after {@code missed} all still work, each message delivered exactly once.
 */
class ClockSkewIT {

    @ParameterizedTest(name = "Microsoft {0} min, Mattermost {1} min")
    @CsvSource({"5, -5", "-5, 5"})
    void everythingWorksWithClocksFiveMinutesApart(int microsoftMinutes, int mattermostMinutes) {
        try (BridgeHarness harness = BridgeHarness.startWithSkew(Map.of("notifications.retry-max-delay", "10s"),
                Duration.ofMinutes(microsoftMinutes), Duration.ofMinutes(mattermostMinutes))) {
            World world = new World(harness);
            JsonNode subscription = world.awaitSubscription();
            Person from = world.person("from");
            Person to = world.connected(world.person("to"));
            world.presence(to, "Away", "Away");
            String chat = world.chat("oneOnOne", null, from, to);
            JdbcClient jdbc = harness.bean(JdbcClient.class);

            String first = world.say(chat, from, "<p>skewed-first</p>");
            world.awaitProcessed(chat, first);
            harness.chat().faults(Map.of("loseAnswers", 1));
            String lost = world.say(chat, from, "<p>skewed-answer-lost</p>");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM inbox WHERE message_id = ? AND status = 'PENDING' AND attempts >= 1")
                    .param(lost).query(Long.class).single() == 1);
            harness.chat().faults(Map.of());
            harness.clock().advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                harness.clock().advance(Duration.ofSeconds(11));
                return jdbc.sql("SELECT COUNT(*) FROM inbox WHERE message_id = ? AND status = 'DONE'").param(lost)
                        .query(Long.class).single() == 1;
            });
            harness.teams().editMessage(chat, first, "<p>skewed-first-edited</p>");
            world.awaitProcessed(chat, first, 2);

            harness.teams().faults(Map.of("dropDeliveries", true));
            List<String> missed = new ArrayList<>();
            try {
                for (int n = 0; n < 2; n++) {
                    missed.add("skewed-missed-" + n);
                    world.say(chat, from, "<p>skewed-missed-" + n + "</p>");
                }
            } finally {
                harness.teams().faults(Map.of("dropDeliveries", false));
            }
            harness.teams().lifecycle(subscription.path("id").asString(), "missed");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                harness.bean("catchUpJob", PeriodicJob.class).runNow();
                return missed.stream().allMatch(m -> count(world.notifications(to), m) == 1);
            });

            List<JsonNode> posts = world.notifications(to);
            assertThat(count(posts, "skewed-first-edited")).isEqualTo(1);
            assertThat(count(posts, "skewed-answer-lost")).isEqualTo(1);
            missed.forEach(m -> assertThat(count(posts, m)).as(m).isEqualTo(1));
            assertThat(posts).hasSize(4);
            Reliability.report("clocks apart: Microsoft " + microsoftMinutes + " min, Mattermost " + mattermostMinutes
                    + " min", 4, posts.size(), 0);
        }
    }

    private static long count(List<JsonNode> posts, String text) {
        return posts.stream().filter(p -> p.path("message").asString().contains(text)).count();
    }
}
