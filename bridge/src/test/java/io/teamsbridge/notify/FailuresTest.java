package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.microsoft.GraphException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** What one item's failure becomes: retried when it may pass, failed at once when it cannot. */
class FailuresTest {

    private static Outcome first(RuntimeException e) {
        return Failures.outcomeOf(e, 1);
    }

    @Test
    void servicesThatMayAnswerLaterAreRetried() {
        assertThat(first(new GraphException(503, "serviceUnavailable", "down", null))).isInstanceOf(Outcome.RetryLater.class);
        assertThat(first(new GraphException(429, "tooMany", "slow down", null, Duration.ofSeconds(7))))
                .isEqualTo(new Outcome.RetryLater("slow down", Duration.ofSeconds(7)));
        assertThat(first(new GraphException(401, "InvalidAuthenticationToken", "token", null))).isInstanceOf(Outcome.RetryLater.class);
        assertThat(first(new MattermostException(0, "unreachable", "refused", null))).isInstanceOf(Outcome.RetryLater.class);
        assertThat(first(new MattermostException(401, "api.context.session_expired.app_error", "expired", null)))
                .as("a refused bot token pauses delivery; the item waits").isInstanceOf(Outcome.RetryLater.class);
        assertThat(first(new DataAccessResourceFailureException("connection lost"))).isInstanceOf(Outcome.RetryLater.class);
        assertThat(first(new TransactionSystemException("rollback failed"))).isInstanceOf(Outcome.RetryLater.class);
    }

    @Test
    void requestsThatCanNeverSucceedFailAtOnce() {
        for (int status : new int[] {400, 403, 404, 410}) {
            assertThat(first(new GraphException(status, "x", "chat " + status, null))).as("Graph %s", status)
                    .isInstanceOf(Outcome.Failed.class);
        }
        assertThat(first(new MattermostException(400, "model.post.is_valid", "too long", null))).isInstanceOf(Outcome.Failed.class);
        assertThat(first(new MessageReader.UnreadableMessageException("bad signature"))).isInstanceOf(Outcome.Failed.class);
        assertThat(first(new DataIntegrityViolationException("value too long"))).isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void theUnexpectedGetsTwoMoreChancesThenFails() {
        RuntimeException bug = new NullPointerException("a bug");
        assertThat(Failures.outcomeOf(bug, 1)).isInstanceOf(Outcome.RetryLater.class);
        assertThat(Failures.outcomeOf(bug, 2)).isInstanceOf(Outcome.RetryLater.class);
        assertThat(Failures.outcomeOf(bug, 3)).isEqualTo(new Outcome.Failed("unexpected error: java.lang.NullPointerException: a bug"));
    }
}
