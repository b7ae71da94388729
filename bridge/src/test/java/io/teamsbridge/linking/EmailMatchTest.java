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
        // compatibility forms compare as the letters they stand for (NFKC), on either side
        "\u212Aim@example.com, kim@example.com, true",
        "kim@example.com, \u212Aim@example.com, true",
        "\uFF41lice@example.com, alice@example.com, true",
        "o\uFB03ce@example.com, office@example.com, true",
        "ALICE@EXAMPLE.COM, \uFF21lice@example.com, true",
        // case folding is not locale-sensitive: dotless and dotted i stay distinct letters
        "\u0131rene@example.com, irene@example.com, false",
        "\u0130rene@example.com, irene@example.com, false",
        // invisible, control and space characters make an address match nothing, even itself
        "ali\u200Bce@example.com, alice@example.com, false",
        "ali\u200Bce@example.com, ali\u200Bce@example.com, false",
        "alice@exa\u200Dmple.com, alice@example.com, false",
        "\uFEFFalice@example.com, alice@example.com, false",
        "alice@example.com\u202E, alice@example.com, false",
        "ali\u0000ce@example.com, alice@example.com, false",
        "ali ce@example.com, ali ce@example.com, false",
        "ali\u00A0ce@example.com, alice@example.com, false",
        // look-alikes from other scripts are other letters
        "\u0430lice@example.com, alice@example.com, false",
    })
    void emailsMatchAfterNormalisationAndCaseFolding(String microsoft, String mattermost, boolean expected) {
        assertThat(EmailMatch.matches(microsoft, mattermost)).isEqualTo(expected);
    }
}
