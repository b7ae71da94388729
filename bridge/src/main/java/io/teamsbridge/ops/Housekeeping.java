package io.teamsbridge.ops;

import io.teamsbridge.store.DecisionRepository;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.OAuthStateRepository;
import io.teamsbridge.store.ReplyRepository;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is no longer needed: finished inbox items after a week (kept that long for
 * inspection), finished replies after a week, connect links a day after they expired, and removed subscriptions a week after
 * their expiry (no notification for them can arrive any more), and users' decisions once older
 * than {@code notifications.decisions-kept}. Failed inbox items stay.
 */
public class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    static final Duration KEEP_DONE = Duration.ofDays(7);

    private final InboxRepository inbox;
    private final OAuthStateRepository states;
    private final SubscriptionRepository subscriptions;
    private final DecisionRepository decisions;
    private final ReplyRepository replies;
    private final Duration keepDecisions;
    private final Clock clock;

    public Housekeeping(InboxRepository inbox, OAuthStateRepository states, SubscriptionRepository subscriptions,
            DecisionRepository decisions, ReplyRepository replies, Duration keepDecisions, Clock clock) {
        this.inbox = inbox;
        this.states = states;
        this.subscriptions = subscriptions;
        this.decisions = decisions;
        this.replies = replies;
        this.keepDecisions = keepDecisions;
        this.clock = clock;
    }

    public void clean() {
        Instant now = clock.instant();
        int done = inbox.deleteDoneBefore(now.minus(KEEP_DONE));
        int links = states.deleteExpiredBefore(now.minus(Duration.ofDays(1)));
        int removed = subscriptions.deleteRemovedBefore(now.minus(KEEP_DONE));
        int decided = decisions.deleteBefore(now.minus(keepDecisions));
        int replied = replies.deleteFinishedBefore(now.minus(KEEP_DONE));
        if (done + links + removed + decided + replied > 0) {
            log.info("Housekeeping deleted {} finished notification(s), {} finished repl(ies), {} expired connect link(s), "
                    + "{} old subscription record(s) and {} old decision(s).", done, replied, links, removed, decided);
        }
    }
}
