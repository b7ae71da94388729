package io.teamsbridge.linking;

import io.teamsbridge.store.AccountLinkRepository;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Teams ids of everyone connected, kept in memory: the notification path asks "is any member of
 * this chat connected?" for every chat it sees, and most chats of a tenant have no connected member.
 * Each call reads one row (the connections' generation, which every connect, loss and disconnect
 * grows, on any instance) and reads the connections again only when it changed, so the answer is
 * as current as the database's.
 */
@Component
public class ConnectedUsers {
    private final AccountLinkRepository links;
    private volatile Snapshot snapshot = new Snapshot(-1, Set.of());

    private record Snapshot(long generation, Set<String> teamsUserIds) {}

    ConnectedUsers(AccountLinkRepository links) {
        this.links = links;
    }

    /**
     * The Teams ids of the connections as last read, without a query: possibly stale, in both
     * directions. Enough to say that someone <em>is</em> connected where a stale "yes" costs only
     * work (a disconnection not seen yet); a "no" must be asked again with {@link #teamsUserIds()},
     * since someone may have connected since. Empty before the first read.
     */
    public Set<String> lastRead() {
        return snapshot.teamsUserIds();
    }

    /** The Teams ids of every active connection now. */
    public Set<String> teamsUserIds() {
        long generation = links.generation(); // first: connections read after it are at least this new
        Snapshot known = snapshot;
        if (known.generation() == generation) {
            return known.teamsUserIds();
        }
        Snapshot fresh = new Snapshot(generation, links.activeTeamsUserIds());
        snapshot = fresh;
        return fresh.teamsUserIds();
    }
}
