package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailMatchTest {
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        "alice@example.com, alice@example.com, true",
        "Alice@Example.COM, alice@example.com, true",
        "' alice@example.com ', alice@example.com, true",
        "alice@example.com, alice@example.org, false",
        "alice@example.com, alicia@example.com, false",
        "null, alice@example.com, false",
        "'', '', false",
        "alice@example.com, null, false",
    })
    void emailsMatchCaseInsensitively(String microsoft, String mattermost, boolean expected) {
        assertThat(EmailMatch.matches(microsoft, mattermost)).isEqualTo(expected);
    }
}
