package io.teamsbridge.linking;

import io.teamsbridge.config.ConnectionsProperties;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every connection's tokens once per {@code connections.refresh-interval}. A refresh
 * token unused for 90 days expires, and notifications use application permissions, so without this
 * a quiet connection would die silently; refreshing also notices a revoked connection promptly, and
 * its owner is told.
 */
class LinkRefresher {
    private static final Logger log = LoggerFactory.getLogger(LinkRefresher.class);
    private static final int BATCH = 100;

    private final AccountLinkRepository links;
    private final UserTokens tokens;
    private final Clock clock;
    private final Duration interval;

    LinkRefresher(AccountLinkRepository links, UserTokens tokens, Clock clock, ConnectionsProperties connections) {
        this.links = links;
        this.tokens = tokens;
        this.clock = clock;
        this.interval = connections.refreshInterval();
    }

    /** Refreshes the connections that are due, a batch at a time; stops early when Microsoft is unreachable. */
    void refreshDue() {
        int refreshed = 0;
        int lost = 0;
        List<AccountLink> due;
        int batches = 0;
        do {
            due = links.findActiveRefreshedBefore(clock.instant().minus(interval), BATCH);
            for (AccountLink link : due) {
                try {
                    if (tokens.refresh(link).isPresent()) {
                        refreshed++;
                    } else {
                        lost++;
                    }
                } catch (MicrosoftIdentityException e) {
                    log.warn("Token refresh paused: {}. It is tried again on the next pass.", e.getMessage());
                    return;
                }
            }
        } while (due.size() == BATCH && ++batches < 1000);
        if (refreshed + lost > 0) {
            log.info("Refreshed {} Teams connection(s); {} found lost.", refreshed, lost);
        }
    }
}
