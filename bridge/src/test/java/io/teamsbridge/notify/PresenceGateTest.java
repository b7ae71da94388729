package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.config.OutboundProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PresenceGateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final List<List<String>> calls = new ArrayList<>();
    private final PresenceGate gate = new PresenceGate(new PresenceReader(new CountingGraph(calls), null, null, clock, false), clock, settings());

    @Test
    void aCallThatIsMadeAnywayRenewsThePresencesClosestToExpiry() {
        List<String> everyone = IntStream.range(0, 300).mapToObj(i -> "user-" + i).toList();
        for (int i = 0; i < 300; i += 10) {
            gate.presenceOf(everyone.subList(i, i + 10));
            clock.advance(Duration.ofMillis(200));
        }
        assertThat(calls).hasSize(30); // nobody cached yet, and nothing old enough to renew

        clock.advance(Duration.ofSeconds(11)); // all 300 are now past half their 20 s
        gate.presenceOf(List.of("newcomer"));
        assertThat(calls.getLast()).contains("newcomer").hasSize(301);

        calls.clear();
        clock.advance(Duration.ofSeconds(10)); // what was read in the first round has expired; the renewed has not
        for (int i = 0; i < 300; i += 10) {
            assertThat(gate.presenceOf(everyone.subList(i, i + 10))).hasSize(10);
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void answersOnlyForTheUsersAskedAbout() {
        gate.presenceOf(List.of("a", "b"));
        clock.advance(Duration.ofSeconds(11));

        assertThat(gate.presenceOf(List.of("c")).keySet()).isEqualTo(Set.of("c"));
        assertThat(calls.getLast()).containsExactlyInAnyOrder("c", "a", "b");
    }

    private static NotificationsProperties settings() {
        return new NotificationsProperties(true, Duration.ofHours(24), 100, Duration.ZERO, Duration.ZERO, 4, Duration.ofMinutes(1), DataSize.ofMegabytes(4),
                Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(7));
    }

    /** Graph as far as presence goes: everyone is Away, and every call is recorded. */
    private static final class CountingGraph extends GraphClient {
        private final List<List<String>> calls;

        CountingGraph(List<List<String>> calls) {
            super(null, null, new OutboundClients(new OutboundProperties(null, null, null, List.of(), null), new SimpleMeterRegistry()));
            this.calls = calls;
        }

        @Override
        public List<GraphWire.Presence> presences(List<String> userIds) {
            calls.add(List.copyOf(userIds));
            return userIds.stream().map(id -> new GraphWire.Presence(id, "Away", "Away")).toList();
        }
    }
}
