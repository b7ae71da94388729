package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * Numbered messages from one Teams user to a few connected, away people, and the check that each
 * reached its recipient exactly once.
 */
final class Traffic {
    private final World world;
    private final BridgeHarness harness;
    private final Person sender;
    private final List<Person> recipients = new ArrayList<>();
    private final List<String> chats = new ArrayList<>();
    private final Map<String, Person> sent = new HashMap<>();

    Traffic(BridgeHarness harness, World world, int people) {
        this.harness = harness;
        this.world = world;
        this.sender = world.person("sender");
        for (int i = 0; i < people; i++) {
            Person recipient = world.connected(world.person("recipient"));
            world.presence(recipient, "Away", "Away");
            recipients.add(recipient);
            chats.add(world.chat("oneOnOne", null, sender, recipient));
        }
    }

    /** Sends message number {@code n} to recipient {@code n % people}. */
    void send(int n) {
        int who = n % recipients.size();
        String marker = "message-" + n + "-of-the-test";
        world.say(chats.get(who), sender, "<p>" + marker + "</p>");
        sent.put(marker, recipients.get(who));
    }

    /** Waits until every sent message arrived, then checks none arrived twice. */
    void assertEachDeliveredExactlyOnce(Duration within) {
        assertEachDeliveredExactlyOnce(within, () -> {});
    }

    /**
     * The same, calling {@code nudge} on every poll while something is missing (a test on the movable
     * clock moves it there, so retries fall due without real waiting).
     */
    void assertEachDeliveredExactlyOnce(Duration within, Runnable nudge) {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (missing().isEmpty()) {
                    return true;
                }
                nudge.run();
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Not delivered within " + within + ": " + missing().stream().sorted().toList(), e);
        }
        // Give stragglers (a duplicate on its way) a moment to show.
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        Map<String, Integer> counts = counts();
        sent.forEach((marker, person) -> assertThat(counts.getOrDefault(marker, 0)).as(marker).isEqualTo(1));
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent.size());
    }

    /** Each recipient got their messages in the order they were written (one sender per chat). */
    void assertInOrderPerRecipient() {
        for (Person recipient : recipients) {
            List<Integer> numbers = new ArrayList<>();
            for (JsonNode post : world.notifications(recipient)) {
                String text = post.path("message").asString().replace("\\-", "-");
                int at = text.indexOf("message-");
                if (at >= 0) {
                    numbers.add(Integer.parseInt(text.substring(at + "message-".length(), text.indexOf("-of-the-test", at))));
                }
            }
            assertThat(numbers).as("the order of %s's notifications", recipient.username()).isSorted();
        }
    }

    private List<String> missing() {
        Map<String, Integer> counts = counts();
        return sent.keySet().stream().filter(m -> !counts.containsKey(m)).toList();
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Person recipient : recipients) {
            for (JsonNode post : world.notifications(recipient)) {
                String text = post.path("message").asString();
                int at = text.indexOf("message-");
                if (at >= 0) {
                    String marker = text.substring(at, text.indexOf("-of-the-test", at) + "-of-the-test".length()).replace("\\-", "-");
                    counts.merge(marker, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    int sentCount() {
        return sent.size();
    }

    /** Posts that carry a test marker, for the reliability report: delivered (distinct) and duplicated. */
    int[] deliveredAndDuplicated() {
        Map<String, Integer> counts = counts();
        int duplicated = counts.values().stream().mapToInt(c -> Math.max(0, c - 1)).sum();
        return new int[] {counts.size(), duplicated};
    }
}
