package io.teamsbridge.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.store.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small pure parts of the reply path: who may be mentioned, how long to wait, what the writer reads. */
class ReplyPiecesTest {

    @Test
    void mentionCandidatesAreEachNameInLowerCaseAlsoWithoutTrailingPunctuation() {
        assertThat(ReplyPeople.candidates("Thanks @Bob.Smith. and @ann_, see @ann")).containsExactly("bob.smith.", "bob.smith",
                "ann_", "ann");
        assertThat(ReplyPeople.candidates("no names, just @ and @@ and @.x")).isEmpty();
        assertThat(ReplyPeople.candidates("@" + "x".repeat(80))).containsExactly("x".repeat(64));
        assertThat(ReplyPeople.candidates("@a ".repeat(500))).hasSize(1);
    }

    @Test
    void theWaitDoublesFromFiveSecondsToFiveMinutes() {
        assertThat(ReplySender.backoff(attempts(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(ReplySender.backoff(attempts(2))).isEqualTo(Duration.ofSeconds(10));
        assertThat(ReplySender.backoff(attempts(4))).isEqualTo(Duration.ofSeconds(40));
        assertThat(ReplySender.backoff(attempts(9))).isEqualTo(Duration.ofMinutes(5));
        assertThat(ReplySender.backoff(attempts(400))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void eachRefusalSaysWhyAndTheSentOnesSayNothing() {
        assertThat(ReplyOutcome.SENT.message(null)).isNull();
        assertThat(ReplyOutcome.WITHDRAWN.message("deleted")).isNull();
        assertThat(ReplyOutcome.TOO_LONG.message("30,001 bytes, where Teams takes about 28,000"))
                .isEqualTo("Not sent to Teams: the reply is too long for Teams (30,001 bytes, where Teams takes about 28,000). "
                        + "Shorten it or split it, and send it again.");
        assertThat(ReplyOutcome.GAVE_UP.message(ReplyWorker.human(Duration.ofHours(1)))).contains("for an hour.");
        assertThat(ReplyWorker.human(Duration.ofHours(3))).isEqualTo("3 hours");
        assertThat(ReplyWorker.human(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        for (ReplyOutcome outcome : ReplyOutcome.values()) {
            String message = outcome.message("detail");
            assertThat(message == null || message.startsWith("Not sent to Teams: ")).as(outcome.name()).isTrue();
        }
    }

    private static Reply attempts(int n) {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        return new Reply("p", "u", "c", "r", t, n, t, null, null, null, null, null, false, false);
    }
}
