package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teamsbridge.config.OutboundProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.testing.AppPermissions;
import io.teamsbridge.testing.GrantingAccounts;
import io.teamsbridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresenceReaderTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final Graph graph = new Graph();
    private final GrantingAccounts accounts = new GrantingAccounts();
    private final AppPermissions app = new AppPermissions("Presence.Read.All");

    private PresenceReader reader(boolean usersMayRead) {
        return new PresenceReader(graph, app, accounts, clock, usersMayRead);
    }

    @Test
    void theAppReadsWhenUsersTokensMayNotStandIn() {
        app.revoke("Presence.Read.All"); // not asked: the app reads, and Graph decides
        accounts.connect("ann", "Presence.Read.All");

        reader(false).read(List.of("ann", "ben"));

        assertThat(graph.readers).containsExactly("app");
    }

    @Test
    void theAppReadsWhereItHoldsThePermissionEvenWithUsersTokens() {
        accounts.connect("ann", "Presence.Read.All");

        reader(true).read(List.of("ann", "ben"));

        assertThat(graph.readers).containsExactly("app");
    }

    @Test
    void withoutTheApplicationPermissionAUserWhoGrantedItReadsForEveryone() {
        app.revoke("Presence.Read.All");
        accounts.connect("ben", "Presence.Read.All");
        PresenceReader reader = reader(true);

        List<GraphWire.Presence> read = reader.read(List.of("ann", "ben", "cat"));

        assertThat(read).extracting(GraphWire.Presence::id).containsExactly("ann", "ben", "cat");
        assertThat(graph.readers).containsExactly("token-of-ben");
        assertThat(accounts.lookups).containsExactly("ann", "ben");

        accounts.lookups.clear();
        reader.read(List.of("dan", "eve"));
        assertThat(graph.readers).containsExactly("token-of-ben", "token-of-ben");
        assertThat(accounts.lookups).as("the last reader is asked first").containsExactly("ben");
    }

    @Test
    void aUserWhoseTokenGraphRefusesIsSkippedForAWhile() {
        app.revoke("Presence.Read.All");
        accounts.connect("ann", "Presence.Read.All");
        accounts.connect("ben", "Presence.Read.All");
        graph.refused.add("token-of-ann");
        PresenceReader reader = reader(true);

        reader.read(List.of("ann", "ben"));
        assertThat(graph.readers).containsExactly("token-of-ann", "token-of-ben");

        graph.refused.clear();
        accounts.lookups.clear();
        reader.read(List.of("ann"));
        assertThat(accounts.lookups).containsExactly("ben");

        clock.advance(Duration.ofMinutes(31));
        accounts.lookups.clear();
        reader.read(List.of("ann", "cat"));
        assertThat(accounts.lookups).containsExactly("ben");
        assertThat(graph.readers).last().isEqualTo("token-of-ben");
    }

    @Test
    void nobodyWhoMayReadIsAClearPermanentFailure() {
        app.revoke("Presence.Read.All");

        assertThatThrownBy(() -> reader(true).read(List.of("ann", "ben")))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.permanentFailure()).isTrue())
                .hasMessageContaining("Presence.Read.All").hasMessageContaining("reconnect");
        assertThat(graph.readers).isEmpty();
    }

    @Test
    void aTransientFailureIsNotBlamedOnTheReader() {
        app.revoke("Presence.Read.All");
        accounts.connect("ann", "Presence.Read.All");
        graph.unavailable = true;
        PresenceReader reader = reader(true);

        assertThatThrownBy(() -> reader.read(List.of("ann"))).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.transientFailure()).isTrue());

        graph.unavailable = false;
        reader.read(List.of("ann"));
        assertThat(graph.readers).last().isEqualTo("token-of-ann");
    }

    @Test
    void looksUpABoundedNumberOfUsers() {
        app.revoke("Presence.Read.All");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("user-" + i);
        }
        accounts.connect("user-99", "Presence.Read.All");

        assertThatThrownBy(() -> reader(true).read(many)).isInstanceOf(GraphException.class);
        assertThat(accounts.lookups).hasSize(20);
    }

    /** Graph's presence call: records who asked; refuses some tokens; may be unavailable. */
    private static final class Graph extends GraphClient {
        final List<String> readers = new ArrayList<>();
        final Set<String> refused = new HashSet<>();
        boolean unavailable;

        Graph() {
            super(null, null, new OutboundClients(new OutboundProperties(null, null, null, List.of(), null), new SimpleMeterRegistry()));
        }

        @Override
        public List<GraphWire.Presence> presences(List<String> userIds, String userToken) {
            if (unavailable) {
                throw new GraphException(503, "ServiceUnavailable", "try later", null);
            }
            readers.add(userToken == null ? "app" : userToken);
            if (userToken != null && refused.contains(userToken)) {
                throw new GraphException(403, "Forbidden", "consent withdrawn", null);
            }
            return userIds.stream().map(id -> new GraphWire.Presence(id, "Away", "Away")).toList();
        }
    }
}
