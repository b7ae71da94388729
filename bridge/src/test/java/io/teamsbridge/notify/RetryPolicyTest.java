package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Duration CAP = Duration.ofMinutes(5);

    @RepeatedTest(20)
    void delaysGrowExponentiallyWithJitterAndStayCapped() {
        assertThat(RetryPolicy.delay(1, null, CAP)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(RetryPolicy.delay(3, null, CAP)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(RetryPolicy.delay(50, null, CAP)).isBetween(Duration.ofMinutes(2).plusSeconds(30), Duration.ofMinutes(5));
    }

    @Test
    void neverSoonerThanTheServiceAsked() {
        assertThat(RetryPolicy.delay(1, Duration.ofSeconds(30), CAP)).isEqualTo(Duration.ofSeconds(30));
    }
}
