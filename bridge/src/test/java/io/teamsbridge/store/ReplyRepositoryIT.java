package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies are recorded once by post id, claimed by one holder at a time until the claim runs out,
 * and finished; the shared mark of seen posts only moves forward.
 */
class ReplyRepositoryIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false",
            "notifications.enabled", "false", "replies.enabled", "false"));

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aReplySeenTwiceIsRecordedOnceAndClaimedByOneHolderAtATime() {
        ReplyRepository replies = bridge.harness().bean(ReplyRepository.class);
        assertThat(replies.receive("post-1", "user-1", "chat-1", "root-1", NOW.minusSeconds(5), NOW)).isTrue();
        assertThat(replies.receive("post-1", "user-1", "chat-1", "root-1", NOW.minusSeconds(5), NOW.plusSeconds(1)))
                .as("seen again, by a look-back or another instance").isFalse();

        Duration claim = Duration.ofMinutes(2);
        assertThat(replies.claim("post-1", "a", NOW, NOW.plus(claim))).isTrue();
        assertThat(replies.claim("post-1", "b", NOW.plusSeconds(1), NOW.plus(claim))).as("held by a").isFalse();
        assertThat(replies.claim("post-1", "b", NOW.plus(claim), NOW.plus(claim).plus(claim))).as("a's claim ran out").isTrue();
        assertThat(replies.find("post-1").orElseThrow().attempts()).isEqualTo(2);

        replies.release("b");
        replies.sendStarting("post-1", NOW.plusSeconds(200));
        replies.sendStarting("post-1", NOW.plusSeconds(300));
        assertThat(replies.find("post-1").orElseThrow().sendStartedAt()).as("the first attempt's mark is kept")
                .isEqualTo(NOW.plusSeconds(200));

        replies.retryAt("post-1", NOW.plusSeconds(400), true);
        assertThat(replies.claim("post-1", "c", NOW.plusSeconds(399), NOW.plusSeconds(999))).as("not due yet").isFalse();
        assertThat(replies.claim("post-1", "c", NOW.plusSeconds(400), NOW.plusSeconds(999))).isTrue();
        replies.retryAt("post-1", NOW.plusSeconds(401), false);
        assertThat(replies.find("post-1").orElseThrow().delayTold()).as("once told, stays told").isTrue();

        replies.decide("post-1", "SENT", null, "teams-1");
        replies.finish("post-1", NOW.plusSeconds(500));
        Reply done = replies.find("post-1").orElseThrow();
        assertThat(done.done()).isTrue();
        assertThat(done.teamsMessageId()).isEqualTo("teams-1");
        assertThat(replies.unfinished(10)).extracting(Reply::postId).doesNotContain("post-1");
        assertThat(replies.claim("post-1", "d", NOW.plusSeconds(999), NOW.plusSeconds(9999))).as("finished").isFalse();
        assertThat(replies.deleteFinishedBefore(NOW.plusSeconds(501))).isEqualTo(1);
    }

    @Test
    void theMarkOfSeenPostsOnlyMovesForward() {
        EventMarkRepository marks = bridge.harness().bean(EventMarkRepository.class);
        assertThat(marks.seenUntil("test-mark")).isEmpty();
        marks.advance("test-mark", NOW);
        marks.advance("test-mark", NOW.minusSeconds(60));
        assertThat(marks.seenUntil("test-mark")).contains(NOW);
        marks.advance("test-mark", NOW.plusSeconds(60));
        assertThat(marks.seenUntil("test-mark")).contains(NOW.plusSeconds(60));
    }
}
