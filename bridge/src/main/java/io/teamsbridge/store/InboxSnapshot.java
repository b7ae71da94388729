package io.teamsbridge.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The unfinished part of the inbox at one moment.
 *
 * @param pending waiting for a worker (due now or later)
 * @param claimed being processed by a worker
 * @param failed given up or unprocessable, kept for inspection
 * @param oldestWaitingReceivedAt when the oldest pending or claimed item was received
 * @param earliestDueAt the earliest {@code next_attempt_at} of a pending item
 */
public record InboxSnapshot(long pending, long claimed, long failed, Optional<Instant> oldestWaitingReceivedAt,
        Optional<Instant> earliestDueAt) {

    public long waiting() {
        return pending + claimed;
    }
}
