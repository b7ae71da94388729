package io.teamsbridge.notify;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.AppTokens;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.microsoft.subscriptions.SubscriberAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads presence as whoever may. The app reads it where it holds the application permission
 * Presence.Read.All: always in the modes that need application permissions anyway, and in the
 * per-user mode with delegated tokens when an administrator granted it. Otherwise one connected
 * user's token reads it for everyone in the call: their sign-in asked for the delegated
 * Presence.Read.All, which lets a signed-in user see anyone's presence, as Teams itself shows it.
 *
 * <p>The reader is one of the people asked about (all are connected), the last one that worked
 * first. Users who signed in before the permission was asked for, or whose token Graph refused for
 * presence, are skipped for a while.
 */
@Component
class PresenceReader {
    /** At most this many users' tokens are tried for one call, */
    private static final int MAX_READERS_TRIED = 3;
    /** and at most this many users looked up for one (most may have signed in before the permission was asked for). */
    private static final int MAX_LOOKUPS = 20;
    /** How long a user who cannot read presence is not asked again. */
    private static final Duration SKIP = Duration.ofMinutes(30);
    private static final List<String> APPLICATION_PERMISSIONS = List.of("Presence.Read.All", "Presence.ReadWrite.All");

    private final GraphClient graph;
    private final AppTokens appTokens;
    private final SubscriberAccounts accounts;
    private final Clock clock;
    private final boolean usersMayRead;
    private final Map<String, Instant> skipUntil = new ConcurrentHashMap<>();
    private volatile String lastReader;

    @Autowired
    PresenceReader(GraphClient graph, AppTokens appTokens, SubscriberAccounts accounts, Clock clock, MicrosoftProperties microsoft) {
        this(graph, appTokens, accounts, clock, microsoft.subscription().usersOwnTokens());
    }

    /** @param usersMayRead whether users' tokens may stand in for the application permission (the per-user mode's delegated tokens) */
    PresenceReader(GraphClient graph, AppTokens appTokens, SubscriberAccounts accounts, Clock clock, boolean usersMayRead) {
        this.graph = graph;
        this.appTokens = appTokens;
        this.accounts = accounts;
        this.clock = clock;
        this.usersMayRead = usersMayRead;
    }

    /**
     * Presence of up to {@link GraphClient#MAX_PRESENCE_IDS} connected users.
     *
     * @throws GraphException when Graph cannot answer now, or nobody who may read presence could be found
     */
    List<GraphWire.Presence> read(List<String> teamsUserIds) {
        if (!usersMayRead || appHolds()) {
            return graph.presences(teamsUserIds);
        }
        Instant now = clock.instant();
        GraphException refused = null;
        int tried = 0;
        int lookedUp = 0;
        for (String candidate : candidates(teamsUserIds, now)) {
            if (lookedUp++ == MAX_LOOKUPS) {
                break;
            }
            Optional<String> token = tokenOf(candidate, now);
            if (token.isEmpty()) {
                continue;
            }
            try {
                List<GraphWire.Presence> presences = graph.presences(teamsUserIds, token.get());
                lastReader = candidate;
                return presences;
            } catch (GraphException e) {
                if (e.transientFailure()) {
                    throw e;
                }
                skipUntil.put(candidate, now.plus(SKIP)); // refused for this user (consent withdrawn, say): ask another
                refused = e;
            }
            if (++tried == MAX_READERS_TRIED) {
                break;
            }
        }
        if (refused != null) {
            throw refused;
        }
        throw new GraphException(403, "no_presence_reader", "the app lacks the application permission Presence.Read.All and none of "
                + "these users' sign-ins granted the delegated " + MicrosoftIdentity.PRESENCE_DELEGATED
                + " (users who connected before it was asked for must reconnect)", null);
    }

    private boolean appHolds() {
        try {
            return APPLICATION_PERMISSIONS.stream().anyMatch(appTokens::holds);
        } catch (MicrosoftIdentityException e) {
            return false; // no app token now: the users' tokens may still do
        }
    }

    /** The last reader that worked, then the people asked about, without those skipped for now. */
    private Set<String> candidates(List<String> teamsUserIds, Instant now) {
        Set<String> candidates = new LinkedHashSet<>();
        String last = lastReader;
        if (last != null) {
            candidates.add(last);
        }
        candidates.addAll(teamsUserIds);
        candidates.removeIf(id -> skipUntil.getOrDefault(id, Instant.MIN).isAfter(now));
        skipUntil.values().removeIf(until -> !until.isAfter(now));
        return candidates;
    }

    private Optional<String> tokenOf(String teamsUserId, Instant now) {
        Optional<String> token;
        try {
            token = accounts.accessTokenGranting(teamsUserId, MicrosoftIdentity.PRESENCE_DELEGATED);
        } catch (MicrosoftIdentityException e) {
            token = Optional.empty(); // Microsoft cannot refresh their token now: try the next
        }
        if (token.isEmpty()) {
            skipUntil.put(teamsUserId, now.plus(SKIP));
        }
        return token;
    }
}
