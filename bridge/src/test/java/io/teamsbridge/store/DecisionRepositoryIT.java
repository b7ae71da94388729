package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each user's decisions: one per message, the newest replacing the older, newest first. */
class DecisionRepositoryIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false",
            "notifications.enabled", "false"));

    private static Decision decision(String user, String message, Instant at, Decision.Outcome outcome, String detail) {
        return new Decision(user, at, "19:chat@thread.v2", message, "1:1 chat with Pat", "Pat", outcome, detail);
    }

    @Test
    void aRetriedMessageIsListedOnceAsItEnded() {
        DecisionRepository decisions = bridge.harness().bean(DecisionRepository.class);
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        decisions.insertAll(List.of(decision("u1", "m1", t, Decision.Outcome.PRESENT, "Busy"),
                decision("u2", "m1", t, Decision.Outcome.PRESENT, "Available"),
                decision("u1", "m2", t.plusSeconds(1), Decision.Outcome.DELIVERED, "")), List.of());

        decisions.insertAll(List.of(), List.of(new DecisionRepository.Replacing(
                decision("u1", "m1", t.plusSeconds(60), Decision.Outcome.DELIVERED, ""), t.minusSeconds(1))));

        assertThat(decisions.latest("u1", 10)).extracting(Decision::messageId, Decision::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", Decision.Outcome.DELIVERED),
                        org.assertj.core.groups.Tuple.tuple("m2", Decision.Outcome.DELIVERED));
        assertThat(decisions.latest("u2", 10)).extracting(Decision::outcome).containsExactly(Decision.Outcome.PRESENT);
    }

    @Test
    void aRetryReplacesADecisionMadeByAnInstanceWhoseClockWasBehind() {
        DecisionRepository decisions = bridge.harness().bean(DecisionRepository.class);
        Instant received = Instant.parse("2026-12-01T12:00:00Z");
        decisions.insertAll(List.of(decision("u3", "m3", received.minusSeconds(600), Decision.Outcome.RETRYING, "Mattermost: 503")),
                List.of());

        decisions.insertAll(List.of(), List.of(new DecisionRepository.Replacing(
                decision("u3", "m3", received.plusSeconds(60), Decision.Outcome.DELIVERED, ""), received)));

        assertThat(decisions.latest("u3", 10)).extracting(Decision::outcome).containsExactly(Decision.Outcome.DELIVERED);
    }
}
