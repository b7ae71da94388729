package io.teamsbridge.microsoft.changes;

import io.teamsbridge.microsoft.changes.DecryptionException.Reason;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Decrypts a notification's resource data exactly as Microsoft documents it (and as its Java and
 * .NET SDKs do): RSA-OAEP with SHA-1 and MGF1-SHA-1 unwraps a 32-byte key K; HMAC-SHA256 with K
 * over the ciphertext must equal {@code dataSignature}, checked in constant time before anything
 * is decrypted; then AES-256-CBC with PKCS#7 padding, key K and IV = K[0..16).
 *
 * <p>Decryption proves confidentiality only: anyone holding our public certificate can produce
 * content that decrypts. Whether a notification really comes from Graph is decided by its
 * {@code clientState} and the batch's validation tokens, before this runs.
 */
public final class NotificationDecryptor {
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 16;
    private static final int MAX_ID_CHARS = 128;

    private final DecryptionKeys keys;
    private final RsaUnwrap rsa;

    /** A decryptor that unwraps with the native RSA where it loads ({@link RsaUnwrap#preferred()}). */
    public NotificationDecryptor(DecryptionKeys keys) {
        this(keys, RsaUnwrap.preferred());
    }

    public NotificationDecryptor(DecryptionKeys keys, RsaUnwrap rsa) {
        this.keys = keys;
        this.rsa = rsa;
    }

    /**
     * The resource JSON as UTF-8 bytes.
     *
     * @throws DecryptionException naming what failed
     */
    public byte[] decrypt(EncryptedContent content) {
        byte[] ciphertext = base64(content.data(), "data");
        byte[] signature = base64(content.dataSignature(), "dataSignature");
        byte[] wrappedKey = base64(content.dataKey(), "dataKey");
        PrivateKey privateKey = keys.find(content.encryptionCertificateId(), content.encryptionCertificateThumbprint())
                .orElseThrow(() -> new DecryptionException(Reason.UNKNOWN_KEY, "no decryption key for certificate id "
                        + printable(content.encryptionCertificateId()) + " and thumbprint "
                        + printable(content.encryptionCertificateThumbprint())
                        + ": the notification was encrypted for a certificate this service does not hold"));
        byte[] key = unwrap(privateKey, wrappedKey);
        try {
            checkSignature(key, ciphertext, signature);
            return decryptAes(key, ciphertext);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] unwrap(PrivateKey privateKey, byte[] wrappedKey) {
        byte[] key;
        try {
            key = rsa.unwrap(privateKey, wrappedKey);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new DecryptionException(Reason.KEY_UNWRAP_FAILED, "the data key could not be unwrapped: the notification"
                    + " was encrypted for another certificate, or its dataKey was altered");
        } catch (InvalidKeyException e) {
            throw new DecryptionException(Reason.KEY_UNWRAP_FAILED, "the private key cannot be used for RSA-OAEP");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP with SHA-1 is not available in this JVM", e);
        }
        if (key.length != KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new DecryptionException(Reason.MALFORMED, "the data key is " + length + " bytes; Graph uses 32-byte AES-256 keys");
        }
        return key;
    }

    private static void checkSignature(byte[] key, byte[] ciphertext, byte[] signature) {
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = hmac.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new DecryptionException(Reason.BAD_SIGNATURE,
                    "the data signature does not match: the notification was altered or encrypted for another key");
        }
    }

    private static byte[] decryptAes(byte[] key, byte[] ciphertext) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, IV_BYTES));
            return aes.doFinal(ciphertext);
        } catch (BadPaddingException e) {
            throw new DecryptionException(Reason.BAD_PADDING, "the data could not be decrypted: bad padding");
        } catch (IllegalBlockSizeException e) {
            throw new DecryptionException(Reason.MALFORMED, "the data is not a whole number of 16-byte AES blocks");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JVM", e);
        }
    }

    private static byte[] base64(@Nullable String value, String member) {
        if (value == null || value.isEmpty()) {
            throw new DecryptionException(Reason.MALFORMED, "encryptedContent has no " + member);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException(Reason.MALFORMED, "encryptedContent." + member + " is not valid base64");
        }
    }

    /** Quotes an id from the notification for a message: bounded, no control characters. */
    static String printable(@Nullable String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(MAX_ID_CHARS)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + clean + (value.length() > MAX_ID_CHARS ? "…" : "") + "'";
    }
}
