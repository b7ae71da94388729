package io.teamsbridge.microsoft.changes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The decryption test vectors in {@code ../shared/contracts/graph-decryption/} (Microsoft's SDK
 * vector, a tampered copy, a synthetic 1:1 chat vector). Read in place, never copied; tests that
 * need them skip where they are absent.
 */
final class SharedVectors {
    static final String P12_PASSWORD = "rich";
    static final String CERTIFICATE_ID = "custom-id-for-testing";
    static final String THUMBPRINT = "4B95353E086AD37196606ACF834A14532F03E6DB";
    static final String ETAG = "1625126194597";

    private SharedVectors() {}

    /** The vector directory; skips the calling test when it is not there. */
    static Path dir() {
        Path found = Stream.of(System.getProperty("teamsbridge.shared.dir"), "../shared", "../../shared")
                .filter(p -> p != null && !p.isBlank())
                .map(p -> Path.of(p, "contracts", "graph-decryption"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(null);
        assumeTrue(found != null, "../shared/contracts/graph-decryption is not available here (system property teamsbridge.shared.dir)");
        return found;
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static EncryptedContent encryptedContent(String name) {
        return ChangeNotifications.map(ChangeNotifications.readTree(bytes(name)), EncryptedContent.class);
    }

    static DecryptionKeys pkcs12Keys() {
        return DecryptionKeys.fromPkcs12(bytes("test-cert.p12"), P12_PASSWORD.toCharArray());
    }

    static DecryptionKeys pemKeys(boolean withCertificate) {
        return DecryptionKeys.fromPem(text("test-key.private.pkcs8.pem"), withCertificate ? text("test-cert.public.pem") : null);
    }
}
