package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingPostIdsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final PendingPostIds ids = new PendingPostIds(clock);

    @Test
    void aSecondRequestWhileTheFirstIsStillCreatingIsToldItIsPending() {
        assertThat(ids.claim("p")).isInstanceOf(PendingPostIds.Claim.Fresh.class);

        assertThat(ids.claim("p")).isInstanceOf(PendingPostIds.Claim.InFlight.class);
    }

    @Test
    void onceCreatedTheIdMapsToThePostUntilThirtySecondsAfterTheLastWrite() {
        ids.claim("p");
        clock.advance(Duration.ofSeconds(10));
        ids.complete("p", "post1");

        clock.advance(Duration.ofSeconds(29));
        assertThat(ids.claim("p")).isEqualTo(new PendingPostIds.Claim.Known("post1"));

        clock.advance(Duration.ofSeconds(1));
        assertThat(ids.claim("p")).isInstanceOf(PendingPostIds.Claim.Fresh.class);
    }

    @Test
    void aReleasedIdCanBeClaimedAgain() {
        ids.claim("p");
        ids.release("p");

        assertThat(ids.claim("p")).isInstanceOf(PendingPostIds.Claim.Fresh.class);
    }

    @Test
    void idsLookLikeMattermostIds() {
        for (int i = 0; i < 100; i++) {
            assertThat(Ids.newId()).matches("[a-z0-9]{26}").satisfies(id -> assertThat(Ids.isValid(id)).isTrue());
        }
    }
}
