package io.teamsbridge.microsoft.changes;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts resource data the way Graph does, for round trips with certificates made in tests. */
public final class GraphEncryption {
    private GraphEncryption() {}

    public static EncryptedContent encrypt(String resourceJson, X509Certificate certificate, String certificateId) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return encrypt(resourceJson.getBytes(StandardCharsets.UTF_8), key, certificate, certificateId);
    }

    static EncryptedContent encrypt(byte[] plaintext, byte[] key, X509Certificate certificate, String certificateId) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            byte[] data = aes.doFinal(plaintext);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = hmac.doFinal(data);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, certificate.getPublicKey(),
                    new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
            byte[] wrapped = rsa.doFinal(key);
            Base64.Encoder b64 = Base64.getEncoder();
            return new EncryptedContent(b64.encodeToString(data), b64.encodeToString(signature), b64.encodeToString(wrapped),
                    certificateId, DecryptionKeys.thumbprintHex(certificate));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
