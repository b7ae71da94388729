package io.teamsbridge.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    private static final Instant EXPIRES = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void keepsTheTokensAndTheGrantedPermissions() {
        TokenSet tokens = new TokenSet("access", "refresh", EXPIRES, Set.of("Chat.Read", "User.Read", "Presence.Read.All"));

        assertThat(TokenCodec.decode(TokenCodec.encode(tokens))).isEqualTo(tokens);
    }

    @Test
    void tokensSealedBeforePermissionsWereKeptCarryWhatEverySignInAskedForThen() {
        TokenSet tokens = TokenCodec.decode("{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_at\":\"" + EXPIRES + "\"}");

        assertThat(tokens.permissions()).containsExactlyInAnyOrder("User.Read", "Chat.Read");
        assertThat(tokens.grants("Presence.Read.All")).isFalse();
    }

    @Test
    void anEmptyListIsKeptEmpty() {
        TokenSet tokens = new TokenSet("access", "refresh", EXPIRES, Set.of());

        assertThat(TokenCodec.decode(TokenCodec.encode(tokens)).permissions()).isEmpty();
    }

    @Test
    void theTextFormNamesNoToken() {
        assertThat(new TokenSet("secret-access", "secret-refresh", EXPIRES, Set.of("Chat.Read")).toString())
                .doesNotContain("secret");
    }
}
