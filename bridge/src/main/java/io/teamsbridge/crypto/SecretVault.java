package io.teamsbridge.crypto;

import io.teamsbridge.config.BridgeProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals secrets with AES-256-GCM. A sealed value is one printable string, {@code v1.<key id>.<base64
 * of nonce + ciphertext + tag>}, so the key that wrote it travels with it and keys can be rotated:
 * the current key writes, previous keys still read.
 *
 * <p>Every seal is bound to a context string (for example {@code "account_link:" + userId}) as
 * GCM associated data, so a sealed value copied into another row does not open there.
 */
@Component
public final class SecretVault {
    private static final String FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    public SecretVault(BridgeProperties properties) {
        Map<String, SecretKey> known = new LinkedHashMap<>();
        byte[] current = io.teamsbridge.config.EncryptionKeys.decode(properties.encryptionKey());
        this.currentKeyId = keyId(current);
        known.put(currentKeyId, new SecretKeySpec(current, "AES"));
        for (String previous : properties.previousEncryptionKeys()) {
            byte[] key = io.teamsbridge.config.EncryptionKeys.decode(previous);
            known.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
        }
        this.keys = Map.copyOf(known);
    }

    /** The id of the key that seals new values: the first 8 hex digits of its SHA-256. */
    public String currentKeyId() {
        return currentKeyId;
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return FORMAT + "." + currentKeyId + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a value sealed with {@link #seal} under the same context.
     *
     * @throws SealedValueException when the value is malformed, was sealed with an unknown key, or
     *     does not authenticate (tampered, or sealed for another context)
     */
    public String open(String sealedValue, String context) {
        String[] parts = sealedValue.split("\\.", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new SealedValueException("A stored secret is not in the expected format.");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new SealedValueException("A stored secret was encrypted with key " + parts[1]
                    + ", which is neither bridge.encryption-key nor one of bridge.previous-encryption-keys.");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SealedValueException("A stored secret could not be decrypted: it was altered or belongs elsewhere.");
        }
    }

    /** Whether the value was sealed with an older key and should be sealed again. */
    public boolean needsReseal(String sealedValue) {
        return !sealedValue.startsWith(FORMAT + "." + currentKeyId + ".");
    }

    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored secret that cannot be opened; the message names no secret. */
    public static final class SealedValueException extends RuntimeException {
        SealedValueException(String message) {
            super(message);
        }
    }
}
