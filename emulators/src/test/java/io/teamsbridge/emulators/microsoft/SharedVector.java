package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * The shared rich-notification key pair ({@code shared/contracts/graph-decryption/}) and the
 * subscriber's side of the algorithm, written from the documentation independently of the
 * emulator's encryptor, so a test decrypting what the emulator sent checks it against the spec.
 */
final class SharedVector {
    private static final String FOLDER = "shared/contracts/graph-decryption";

    private final Path folder;

    private SharedVector(Path folder) {
        this.folder = folder;
    }

    /** The vector, or the test is skipped when the shared folder is not next to the repository. */
    static SharedVector require() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(FOLDER))) {
            dir = dir.getParent();
        }
        Assumptions.assumeTrue(dir != null, "shared/contracts/graph-decryption is absent: no key pair to decrypt with");
        return new SharedVector(dir.resolve(FOLDER));
    }

    /** Base64 DER X.509, as a subscriber sends it in {@code encryptionCertificate}. */
    String certificate() throws Exception {
        return Files.readString(folder.resolve("test-cert.public.cer.b64")).strip();
    }

    String thumbprint() throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(Base64.getMimeDecoder().decode(certificate())));
    }

    /** Checks the HMAC over the ciphertext, then decrypts; returns the plaintext. */
    String decrypt(JsonNode encryptedContent) throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        rsa.init(Cipher.DECRYPT_MODE, privateKey(),
                new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
        byte[] key = rsa.doFinal(Base64.getDecoder().decode(encryptedContent.get("dataKey").stringValue()));
        assertThat(key).as("AES-256 key").hasSize(32);
        byte[] data = Base64.getDecoder().decode(encryptedContent.get("data").stringValue());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertThat(Base64.getEncoder().encodeToString(hmac.doFinal(data))).as("dataSignature = HMAC-SHA256(data)")
                .isEqualTo(encryptedContent.get("dataSignature").stringValue());
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return new String(aes.doFinal(data), StandardCharsets.UTF_8);
    }

    private PrivateKey privateKey() throws Exception {
        String pem = Files.readString(folder.resolve("test-key.private.pkcs8.pem"));
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }
}
