package io.teamsbridge.notify;

import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import java.time.Duration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * [workers] Turns what a stage threw into the outcome of the one item it concerned, so a failure
 * never spreads to the rest of the batch: a service that may answer later is retried, a request
 * that can never succeed fails at once, and anything unexpected (a bug, malformed content) fails
 * the item with its reason rather than being retried for a day.
 */
final class Failures {
    private Failures() {}

    static Outcome outcomeOf(RuntimeException e) {
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
            default -> new Outcome.Failed("unexpected error: " + e);
        };
    }
}
