package io.teamsbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficTest {
    @Test
    void findsEveryMarkerInARenderedPostAndNothingElse() {
        String post = "**Adele** in a chat: The deploy of billing-api is done.\n\nref " + Traffic.marker(12)
                + " and quoted " + Traffic.marker(3) + ", not bmkq nor bmk12 nor 12q";
        assertThat(Traffic.markersIn(post)).containsExactly(12L, 3L);
    }

    @Test
    void theMarkerSurvivesTheBodyMix() {
        for (long i = 0; i < 8; i++) {
            assertThat(Traffic.markersIn(Bodies.withMarker(i, Traffic.marker(i)))).containsExactly(i);
        }
    }
}
