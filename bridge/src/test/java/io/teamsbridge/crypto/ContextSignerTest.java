package io.teamsbridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.config.BridgeProperties;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextSignerTest {
    private static ContextSigner signer() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ContextSigner(new BridgeProperties(URI.create("https://bridge.example.com"),
                Base64.getEncoder().encodeToString(key), List.of(), java.time.Duration.ofSeconds(45), false));
    }

    @Test
    void aMacVerifiesOnlyTheFieldsItWasMadeFor() {
        ContextSigner signer = signer();
        List<String> fields = List.of("notifications-off", "u1234567890abcdefghijklmno", "1790000000");
        String mac = signer.sign(fields);

        assertThat(signer.verify(fields, mac)).isTrue();
        for (int i = 0; i < fields.size(); i++) {
            List<String> changed = new ArrayList<>(fields);
            changed.set(i, fields.get(i) + "x");
            assertThat(signer.verify(changed, mac)).as("field %d changed", i).isFalse();
        }
        // Moving text from one field to the next does not keep the MAC (fields are length-prefixed).
        assertThat(signer.verify(List.of("notifications-of", "fu1234567890abcdefghijklmno", "1790000000"), mac)).isFalse();
        assertThat(signer.verify(fields, mac.substring(1))).isFalse();
        assertThat(signer.verify(fields, null)).isFalse();
        assertThat(signer.verify(fields, "")).isFalse();
    }

    @Test
    void anotherKeyMakesAnotherMac() {
        List<String> fields = List.of("disconnect", "user", "1");
        assertThat(signer().verify(fields, signer().sign(fields))).isFalse();
    }
}
