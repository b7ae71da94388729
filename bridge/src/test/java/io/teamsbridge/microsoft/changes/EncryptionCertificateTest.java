package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EncryptionCertificateTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final EncryptionCertificate CERT = EncryptionCertificate.generate("teams-bridge-2026-03", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void isASelfSignedRsa2048CertificateForTwoYears() throws Exception {
        X509Certificate c = CERT.certificate();

        assertThat(((RSAPublicKey) c.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=teams-bridge");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        c.verify(c.getPublicKey());
        assertThat(c.getNotBefore().toInstant()).isBefore(NOW);
        assertThat(CERT.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(730)));
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void base64DerIsWhatGraphExpectsAndTheThumbprintIsItsSha1() throws Exception {
        byte[] der = Base64.getDecoder().decode(CERT.base64Der());
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));

        assertThat(parsed).isEqualTo(CERT.certificate());
        assertThat(CERT.thumbprintHex())
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der)))
                .matches("[0-9A-F]{40}");
    }

    @Test
    void survivesBeingStoredAndRestored() {
        EncryptionCertificate restored = EncryptionCertificate.fromStored(CERT.id(), CERT.base64Der(), CERT.privateKeyPkcs8Base64());

        assertThat(restored).isEqualTo(CERT);
        DecryptionKeys keys = new DecryptionKeys();
        restored.addTo(keys);
        assertThat(new NotificationDecryptor(keys).decrypt(GraphEncryption.encrypt("{\"ok\":true}", CERT.certificate(), CERT.id())))
                .asString().isEqualTo("{\"ok\":true}");
    }

    @Test
    void refusesAStoredKeyThatIsNotTheCertificates() {
        EncryptionCertificate other = TestCertificates.B;

        assertThatThrownBy(() -> EncryptionCertificate.fromStored("x", CERT.base64Der(), other.privateKeyPkcs8Base64()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> EncryptionCertificate.fromStored("x", "%%%", other.privateKeyPkcs8Base64()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("not valid base64");
    }

    @Test
    void theIdFitsGraphsLimit() {
        assertThatThrownBy(() -> new EncryptionCertificate("x".repeat(129), CERT.certificate(), CERT.privateKey()))
                .isInstanceOf(KeyMaterialException.class);
        assertThatThrownBy(() -> new EncryptionCertificate(" ", CERT.certificate(), CERT.privateKey()))
                .isInstanceOf(KeyMaterialException.class);
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        assertThat(CERT.toString())
                .contains(CERT.id(), CERT.thumbprintHex())
                .doesNotContain(CERT.privateKeyPkcs8Base64().substring(0, 40))
                .doesNotContainIgnoringCase("exponent")
                .doesNotContain(((java.security.interfaces.RSAPrivateKey) CERT.privateKey()).getPrivateExponent().toString());
    }
}
