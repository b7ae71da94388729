package io.teamsbridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.config.BridgeProperties;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretVaultTest {
    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static SecretVault vault(String key, String... previous) {
        return new SecretVault(new BridgeProperties(URI.create("https://bridge.example.com"), key, List.of(previous), java.time.Duration.ofSeconds(45), false));
    }

    @Test
    void sealedValuesOpenUnderTheSameContextAndHideThePlaintext() {
        SecretVault vault = vault(newKey());
        String sealed = vault.seal("refresh-token-value", "account_link:u1");
        assertThat(sealed).startsWith("v1." + vault.currentKeyId() + ".").doesNotContain("refresh-token-value");
        assertThat(vault.open(sealed, "account_link:u1")).isEqualTo("refresh-token-value");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        SecretVault vault = vault(newKey());
        assertThat(vault.seal("x", "c")).isNotEqualTo(vault.seal("x", "c"));
    }

    @Test
    void aValueMovedToAnotherRowDoesNotOpen() {
        SecretVault vault = vault(newKey());
        String sealed = vault.seal("secret", "account_link:alice");
        assertThatThrownBy(() -> vault.open(sealed, "account_link:mallory"))
                .isInstanceOf(SecretVault.SealedValueException.class)
                .hasMessageNotContaining("secret\"");
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        SecretVault vault = vault(newKey());
        String sealed = vault.seal("secret", "c");
        String prefix = sealed.substring(0, sealed.lastIndexOf('.') + 1);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length / 2] ^= 0x01;
        String tampered = prefix + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> vault.open(tampered, "c")).isInstanceOf(SecretVault.SealedValueException.class);
    }

    @Test
    void previousKeysStillOpenOldValuesAfterRotation() {
        String oldKey = newKey();
        String sealedWithOld = vault(oldKey).seal("secret", "c");
        SecretVault rotated = vault(newKey(), oldKey);
        assertThat(rotated.open(sealedWithOld, "c")).isEqualTo("secret");
        assertThat(rotated.needsReseal(sealedWithOld)).isTrue();
        assertThat(rotated.needsReseal(rotated.seal("secret", "c"))).isFalse();
    }

    @Test
    void anUnknownKeyIsNamedByItsIdOnly() {
        String sealed = vault(newKey()).seal("secret", "c");
        assertThatThrownBy(() -> vault(newKey()).open(sealed, "c"))
                .isInstanceOf(SecretVault.SealedValueException.class)
                .hasMessageContaining("bridge.previous-encryption-keys");
    }
}
