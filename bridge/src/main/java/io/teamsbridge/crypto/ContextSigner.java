package io.teamsbridge.crypto;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.EncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * MACs for values the bridge hands out and later gets back from someone it cannot otherwise
 * trust, such as the context of a button in a Mattermost message, which Mattermost sends back
 * without authentication when the button is pressed. HMAC-SHA256 under a key derived from the
 * encryption key for this one purpose, so it never doubles as the key that seals secrets.
 */
@Component
public final class ContextSigner {
    private static final String PURPOSE = "teams-bridge/signed-context/v1";

    private final SecretKeySpec key;

    public ContextSigner(BridgeProperties bridge) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(EncryptionKeys.decode(bridge.encryptionKey()), "HmacSHA256"),
                PURPOSE.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** The MAC of these fields, in this order (each is length-prefixed, so no two lists share one). */
    public String sign(List<String> fields) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, encode(fields)));
    }

    /** Whether {@code mac} is the MAC of these fields; compared in constant time. */
    public boolean verify(List<String> fields, String mac) {
        if (mac == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(fields).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] encode(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            String value = field == null ? "" : field;
            out.append(value.length()).append(':').append(value).append(';');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
