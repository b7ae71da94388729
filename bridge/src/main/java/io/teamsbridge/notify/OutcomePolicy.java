package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * [workers] What the inbox records for each outcome of a batch: finished items in one statement,
 * with the batch's delivery records and decisions ({@link BatchCompletion}), then failures with
 * their reason (and without their payload), retries after a backoff, and, for every item whatever
 * went wrong, the age limit: an item received longer ago than {@code notifications.max-age} is
 * given up instead of rescheduled.
 */
@Component
class OutcomePolicy {
    private static final Logger log = LoggerFactory.getLogger(OutcomePolicy.class);

    private final InboxRepository inbox;
    private final BatchCompletion completion;
    private final DecisionLog decisions;
    private final Clock clock;
    private final NotificationsProperties settings;

    OutcomePolicy(InboxRepository inbox, BatchCompletion completion, DecisionLog decisions, Clock clock,
            NotificationsProperties settings) {
        this.inbox = inbox;
        this.completion = completion;
        this.decisions = decisions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Too old to deliver any more: given up without being processed again. */
    boolean expired(InboxItem item) {
        return item.receivedAt().plus(settings.maxAge()).isBefore(clock.instant());
    }

    /** The reason recorded for an item that was still waiting when it reached the age limit. */
    String expiredReason(String lastError) {
        return "given up after " + settings.maxAge() + ": " + (lastError == null ? "not delivered within the age limit" : lastError);
    }

    /** As a user reads it after "given up after": the age limit and the last reason. */
    private String forUsers(String lastError) {
        Duration age = settings.maxAge();
        String limit = age.toMinutes() % 60 == 0 ? age.toHours() + " h" : age.toMinutes() + " min";
        return limit + " of trying (" + (lastError == null ? "not delivered in time" : lastError) + ")";
    }

    /**
     * Records every item of the batch; an item without an outcome is retried. The finished ones go
     * first, with the records of the posts: an item rescheduled here may be claimed at once, and its
     * retry must see who was served.
     */
    void settle(List<InboxItem> batch, Map<Long, Outcome> outcomes, String claimant) {
        List<Long> done = new ArrayList<>();
        List<InboxItem> others = new ArrayList<>();
        for (InboxItem item : batch) {
            if (outcomes.get(item.id()) instanceof Outcome.Done) {
                done.add(item.id());
            } else {
                others.add(item);
            }
        }
        completion.complete(done, claimant);
        for (InboxItem item : others) {
            settleOne(item, claimant, outcomes.getOrDefault(item.id(), new Outcome.RetryLater("not processed", Duration.ZERO)));
        }
    }

    private void settleOne(InboxItem item, String claimant, Outcome outcome) {
        switch (outcome) {
            case Outcome.Done ignored -> throw new IllegalStateException("finished items are completed with their batch");
            case Outcome.Failed failed -> {
                log.warn("Notification {} (message {} in chat {}) cannot be processed: {}", item.id(), item.messageId(),
                        item.chatId(), failed.reason());
                decisions.givenUp(item, failed.reason(), expired(item) ? forUsers(item.lastError()) : failed.reason());
                inbox.fail(item.id(), claimant, failed.reason());
            }
            case Outcome.RetryLater retry -> {
                Instant now = clock.instant();
                if (expired(item)) {
                    decisions.givenUp(item, expiredReason(retry.reason()), forUsers(retry.reason()));
                    inbox.fail(item.id(), claimant, expiredReason(retry.reason()));
                    return;
                }
                Duration delay = RetryPolicy.delay(item.attempts(), retry.after(), settings.retryMaxDelay());
                log.info("Notification {} (message {}) is retried in {} s (attempt {}): {}", item.id(), item.messageId(),
                        delay.toSeconds(), item.attempts(), retry.reason());
                inbox.reschedule(item.id(), claimant, now.plus(delay), retry.reason());
            }
        }
    }
}
