package io.teamsbridge.emulators.microsoft.notifications;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts resource data exactly as Graph does for rich notifications: a fresh random 32-byte key
 * per item; AES-256-CBC with PKCS#7 padding and the key's first 16 bytes as IV; HMAC-SHA256 with
 * the same key over the ciphertext; the key wrapped with RSA-OAEP (SHA-1, MGF1-SHA-1, no label)
 * under the subscription certificate's public key. A subscriber that decrypts the shared test
 * vector decrypts this too.
 */
final class ContentEncryptor {
    private static final OAEPParameterSpec OAEP_SHA1 =
            new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);

    private final SecureRandom random = new SecureRandom();

    EncryptedContent encrypt(byte[] plaintext, EncryptionCertificate certificate) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            byte[] data = aes.doFinal(plaintext);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = hmac.doFinal(data);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, certificate.publicKey(), OAEP_SHA1);
            byte[] wrappedKey = rsa.doFinal(key);
            Base64.Encoder base64 = Base64.getEncoder();
            return new EncryptedContent(base64.encodeToString(data), base64.encodeToString(signature),
                    base64.encodeToString(wrappedKey), certificate.id(), certificate.thumbprint());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a notification for certificate " + certificate, e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
