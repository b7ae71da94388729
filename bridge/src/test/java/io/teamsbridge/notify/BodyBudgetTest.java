package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void noMoreThanTheAllowedBodiesAreReadAtOnceAndClosingGivesThePlaceBack() {
        BodyBudget budget = new BodyBudget();
        List<BodyBudget.Body> open = new ArrayList<>();
        for (int i = 0; i < BodyBudget.MAX_READERS; i++) {
            open.add(budget.open(bytes(1)).orElseThrow());
        }
        assertThat(budget.open(bytes(1))).isEmpty();
        open.getFirst().close();
        open.getFirst().close(); // a second close gives back nothing more
        Optional<BodyBudget.Body> again = budget.open(bytes(1));
        assertThat(again).isPresent();
        assertThat(budget.open(bytes(1))).isEmpty();
    }

    @Test
    void bytesReadCountAgainstTheSharedBudgetUntilTheBodyIsClosed() throws IOException {
        BodyBudget budget = new BodyBudget(1000, Duration.ofSeconds(5));
        BodyBudget.Body first = budget.open(bytes(600)).orElseThrow();
        assertThat(first.readAllBytes()).hasSize(600);
        assertThat(budget.bytesInFlight()).isEqualTo(600);

        BodyBudget.Body second = budget.open(bytes(600)).orElseThrow();
        assertThatThrownBy(second::readAllBytes).isInstanceOf(BodyBudget.Exhausted.class);
        second.close();
        first.close();
        assertThat(budget.bytesInFlight()).isZero();

        try (BodyBudget.Body third = budget.open(bytes(900)).orElseThrow()) {
            assertThat(third.readAllBytes()).hasSize(900);
        }
    }

    @Test
    void aBodyReadAfterItsDeadlineIsRefused() throws IOException {
        BodyBudget budget = new BodyBudget(1000, Duration.ZERO);
        try (BodyBudget.Body body = budget.open(bytes(10)).orElseThrow()) {
            assertThatThrownBy(() -> body.read(new byte[10], 0, 10)).isInstanceOf(BodyBudget.TooSlow.class);
        }
    }

    @Test
    void discardingTheRestOfARefusedBodyReadsItWithoutCountingIt() throws IOException {
        BodyBudget budget = new BodyBudget(100, Duration.ofSeconds(5));
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[50_000]);
        try (BodyBudget.Body body = budget.open(in).orElseThrow()) {
            assertThat(body.read(new byte[10], 0, 10)).isEqualTo(10);
            body.discardRest(40_000);
            assertThat(in.available()).isEqualTo(50_000 - 10 - 40_000);
            assertThat(budget.bytesInFlight()).isEqualTo(10);
        }
        assertThat(budget.bytesInFlight()).isZero();
    }
}
