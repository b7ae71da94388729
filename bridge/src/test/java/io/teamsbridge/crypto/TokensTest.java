package io.teamsbridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void randomValuesAreUrlSafeLongAndUnique() {
        Tokens tokens = new Tokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String value = tokens.random();
            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(value)).isTrue();
        }
    }

    @Test
    void hashesAreStableHexSha256() {
        assertThat(Tokens.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void constantTimeEqualsComparesWholeValues() {
        assertThat(Tokens.constantTimeEquals("secret", "secret")).isTrue();
        assertThat(Tokens.constantTimeEquals("secret", "secreT")).isFalse();
        assertThat(Tokens.constantTimeEquals("secret", "secret2")).isFalse();
        assertThat(Tokens.constantTimeEquals(null, "secret")).isFalse();
    }
}
