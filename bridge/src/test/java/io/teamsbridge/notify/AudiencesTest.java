package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AudiencesTest {

    @Test
    void chatsReadTogetherAreReadAgainSpreadOverTwentySecondsAndWithinTheMinute() {
        Set<Long> seconds = IntStream.range(0, 200)
                .mapToObj(i -> Audiences.freshFor("19:" + i + "-chat@thread.v2"))
                .peek(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(40)).isLessThanOrEqualTo(Duration.ofMinutes(1)))
                .map(Duration::toSeconds)
                .collect(Collectors.toSet());

        assertThat(seconds).hasSizeGreaterThanOrEqualTo(15);
        assertThat(Audiences.freshFor("19:same@thread.v2")).isEqualTo(Audiences.freshFor("19:same@thread.v2"));
    }
}
