package io.teamsbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void nearestRankPercentilesOfOneToHundred() {
        Latencies latencies = new Latencies();
        for (int i = 100; i >= 1; i--) {
            latencies.record(i);
        }
        assertThat(latencies.summary()).isEqualTo(new Latencies.Summary(100, 50, 99, 100));
    }

    @Test
    void growsBeyondItsFirstArrayAndSummarisesEmptyAsZero() {
        assertThat(new Latencies().summary()).isEqualTo(new Latencies.Summary(0, 0, 0, 0));
        Latencies latencies = new Latencies();
        for (int i = 0; i < 5000; i++) {
            latencies.record(7);
        }
        latencies.record(9000);
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.count()).isEqualTo(5001);
        assertThat(summary.p99()).isEqualTo(7);
        assertThat(summary.max()).isEqualTo(9000);
    }

    @Test
    void singleValue() {
        assertThat(Latencies.percentile(new long[] {42}, 50)).isEqualTo(42);
        assertThat(Latencies.percentile(new long[] {42}, 99)).isEqualTo(42);
    }
}
