package io.teamsbridge.notify;

import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import java.time.Duration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;

/**
 * [workers] Turns what a stage threw into the outcome of the one item it concerned, so a failure
 * never spreads to the rest of the batch: a service that may answer later is retried, a request
 * that can never succeed fails at once, and anything unexpected (a bug, malformed content) fails
 * the item with its reason rather than being retried for a day: after {@value #UNEXPECTED_ATTEMPTS}
 * attempts, so that a cause misjudged as lasting still gets a second chance.
 */
final class Failures {
    private Failures() {}

    static final int UNEXPECTED_ATTEMPTS = 3;

    /** @param attempts how often the item has been claimed, this time included */
    static Outcome outcomeOf(RuntimeException e, int attempts) {
        return switch (e) {
            case GraphException g when g.permanentFailure() -> new Outcome.Failed("Graph: " + g.getMessage());
            case GraphException g -> new Outcome.RetryLater(g.getMessage(), g.retryAfter().orElse(Duration.ZERO));
            case MicrosoftIdentityException m -> new Outcome.RetryLater(m.getMessage(), Duration.ZERO);
            case MattermostException m when m.transientFailure() || m.botUnauthorized() ->
                    new Outcome.RetryLater("Mattermost: " + m.getMessage(), Duration.ZERO);
            case MattermostException m -> new Outcome.Failed("Mattermost: " + m.getMessage());
            case MessageReader.UnreadableMessageException u -> new Outcome.Failed("the message could not be read: " + u.getMessage());
            case DataIntegrityViolationException d -> new Outcome.Failed("the database refused it: " + d.getMostSpecificCause().getMessage());
            case DataAccessException d -> new Outcome.RetryLater("the database: " + d.getMostSpecificCause().getMessage(), Duration.ZERO);
            // A commit or rollback that failed (the database went away mid-transaction) is as transient.
            case TransactionException t -> new Outcome.RetryLater("the database: " + t.getMostSpecificCause().getMessage(), Duration.ZERO);
            default -> attempts < UNEXPECTED_ATTEMPTS
                    ? new Outcome.RetryLater("unexpected error (attempt " + attempts + " of " + UNEXPECTED_ATTEMPTS + "): " + e,
                            Duration.ZERO)
                    : new Outcome.Failed("unexpected error: " + e);
        };
    }
}
