package io.teamsbridge.linking;

import io.teamsbridge.store.AccountLinkRepository;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Everyone connected, kept in memory: their Teams ids, each with the Mattermost user connected to
 * it. The notification path asks "is any member of this chat connected, and as whom?" for every
 * chat it sees, and most chats of a tenant have no connected member. Each call reads one row (the
 * connections' generation, which every connect, loss and disconnect grows, on any instance) and
 * reads the connections again only when it changed, so the answer is as current as the
 * database's, without reading the connections' rows (their sealed tokens make them large).
 */
@Component
public class ConnectedUsers {
    private final AccountLinkRepository links;
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

    private record Snapshot(long generation, Map<String, String> accounts) {}

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
        return snapshot.accounts().keySet();
    }

    /** The Teams ids of every active connection now. */
    public Set<String> teamsUserIds() {
        return accounts().keySet();
    }

    /** Every active connection now: Teams user id to the Mattermost user id connected to it. */
    public Map<String, String> accounts() {
        long generation = links.generation(); // first: connections read after it are at least this new
        Snapshot known = snapshot;
        if (known.generation() == generation) {
            return known.accounts();
        }
        Snapshot fresh = new Snapshot(generation, Map.copyOf(links.activeAccounts()));
        snapshot = fresh;
        return fresh.accounts();
    }
}
