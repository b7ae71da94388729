package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class DecryptionKeysTest {
    private static final EncryptionCertificate A = TestCertificates.A;
    private static final EncryptionCertificate B = TestCertificates.B;

    @Test
    void aMatchingThumbprintWinsOverAMatchingId() {
        DecryptionKeys keys = new DecryptionKeys();
        keys.add("cert-a", A.certificate(), A.privateKey());
        keys.add("cert-b", B.certificate(), B.privateKey());

        assertThat(keys.find("cert-a", B.thumbprintHex())).contains(B.privateKey());
        assertThat(keys.find(null, A.thumbprintHex().toLowerCase())).contains(A.privateKey());
    }

    @Test
    void aDifferentThumbprintRulesAKeyOutEvenUnderTheSameId() {
        DecryptionKeys keys = new DecryptionKeys();
        keys.add("same-id", A.certificate(), A.privateKey());

        assertThat(keys.find("same-id", B.thumbprintHex())).isEmpty();
    }

    @Test
    void withoutAThumbprintTheIdDecides() {
        DecryptionKeys keys = new DecryptionKeys();
        keys.add("cert-a", A.certificate(), A.privateKey());
        keys.add("cert-b", B.certificate(), B.privateKey());

        assertThat(keys.find("cert-b", null)).contains(B.privateKey());
        assertThat(keys.find("cert-c", null)).isEmpty();
    }

    @Test
    void aKeyWithoutIdOrCertificateIsTriedForAnything() {
        DecryptionKeys keys = new DecryptionKeys();
        keys.add(null, null, A.privateKey());

        assertThat(keys.find("whatever", B.thumbprintHex())).contains(A.privateKey());
        assertThat(keys.find(null, null)).contains(A.privateKey());
    }

    @Test
    void refusesACertificateThatIsNotTheKeysOwn() {
        assertThatThrownBy(() -> new DecryptionKeys().add("x", A.certificate(), B.privateKey()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("does not belong to the private key");
    }

    @Test
    void refusesKeysOtherThanRsa() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);

        assertThatThrownBy(() -> new DecryptionKeys().add("x", null, ec.generateKeyPair().getPrivate()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("RSA keys only");
    }

    @Test
    void readsTheSharedVectorsKeyFromPkcs12AndPem() {
        assertThat(SharedVectors.pkcs12Keys().find(null, SharedVectors.THUMBPRINT)).isPresent();
        assertThat(SharedVectors.pemKeys(true).find(null, SharedVectors.THUMBPRINT)).isPresent();
        assertThat(SharedVectors.pemKeys(true).find(null, "00".repeat(20))).isEmpty();
    }

    @Test
    void readsACombinedPemFileAndBareBase64Certificates() {
        String combined = "Bag Attributes\n    localKeyID: 01 00 00 00\nsubject=/CN=richnotificationsapp.com\n"
                + SharedVectors.text("test-cert.public.pem") + "Bag Attributes\n" + SharedVectors.text("test-key.private.pkcs8.pem");

        assertThat(DecryptionKeys.fromPem(combined, null).find(null, "00".repeat(20))).as("matched by the embedded certificate").isEmpty();
        assertThat(DecryptionKeys.fromPem(combined, null).find(null, SharedVectors.THUMBPRINT)).isPresent();
        assertThat(DecryptionKeys.fromPem(SharedVectors.text("test-key.private.pkcs8.pem"), SharedVectors.text("test-cert.public.cer.b64"))
                .find(null, SharedVectors.THUMBPRINT)).isPresent();
    }

    @Test
    void explainsUnusablePemKeys() {
        assertThatThrownBy(() -> DecryptionKeys.fromPem("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", null))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> DecryptionKeys.fromPem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", null))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> DecryptionKeys.fromPem("just text", null))
                .isInstanceOf(KeyMaterialException.class).hasMessage("no PRIVATE KEY block found in the key file");
        assertThatThrownBy(() -> DecryptionKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", null))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("not an RSA key in PKCS#8 form");
    }

    @Test
    void explainsAMissingCertificateBlock() {
        String key = SharedVectors.text("test-key.private.pkcs8.pem"); // outside the lambda: skips the test where absent
        assertThatThrownBy(() -> DecryptionKeys.fromPem(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("no CERTIFICATE block");
    }

    @Test
    void aWrongPkcs12PasswordIsAClearError() {
        byte[] pkcs12 = SharedVectors.bytes("test-cert.p12");
        assertThatThrownBy(() -> DecryptionKeys.fromPkcs12(pkcs12, "wrong".toCharArray()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessage("the PKCS#12 file could not be opened: wrong password, or not a PKCS#12 file");
    }
}
