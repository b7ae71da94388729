package io.teamsbridge.notify;

import java.time.Duration;

/** What became of one inbox item; expected results are values, not exceptions. */
sealed interface Outcome {
    /** Finished: delivered to everyone it should reach (possibly nobody). */
    record Done(String summary) implements Outcome {}

    /** Something it needs is unavailable now; try again after at least {@code after}. */
    record RetryLater(String reason, Duration after) implements Outcome {}

    /** It can never be processed (malformed, undecryptable): kept as FAILED for inspection. */
    record Failed(String reason) implements Outcome {}
}
