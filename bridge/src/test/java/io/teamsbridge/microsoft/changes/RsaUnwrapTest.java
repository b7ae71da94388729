package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.microsoft.changes.DecryptionException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.BadPaddingException;
import org.junit.jupiter.api.Test;

class RsaUnwrapTest {
    private static final EncryptionCertificate OURS = TestCertificates.A;
    private static final EncryptionCertificate OTHER = TestCertificates.B;
    private static final String MESSAGE = "{\"id\":\"1\",\"body\":{\"content\":\"hello\"}}";

    private static boolean linuxX64() {
        return System.getProperty("os.name").equals("Linux") && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    @Test
    void theNativeUnwrapLoadsWhereItsLibraryIsPackaged() {
        assumeTrue(linuxX64(), "the native RSA is packaged for Linux x86-64 only; elsewhere the JDK's is used");

        assertThat(RsaUnwrap.whyNotNative()).isEmpty();
        assertThat(RsaUnwrap.preferred().isNative()).isTrue();
        assertThat(RsaUnwrap.preferred().implementation()).startsWith("AWS-LC").contains("Amazon Corretto Crypto Provider");
        assertThat(RsaUnwrap.jdk().isNative()).isFalse();
    }

    @Test
    void bothUnwrapsDecryptMicrosoftsSdkVector() {
        EncryptedContent vector = SharedVectors.encryptedContent("encrypted-content.json");

        for (RsaUnwrap rsa : unwraps()) {
            byte[] plaintext = new NotificationDecryptor(SharedVectors.pkcs12Keys(), rsa).decrypt(vector);
            assertThat(ChangeNotifications.readTree(plaintext).path("etag").asString()).as(rsa.toString()).isEqualTo(SharedVectors.ETAG);
        }
    }

    @Test
    void bothUnwrapsGiveTheSameKeyAndKeepWorkingAcrossKeys() throws Exception {
        for (EncryptionCertificate certificate : List.of(OURS, OTHER, OURS)) {
            EncryptedContent content = GraphEncryption.encrypt(MESSAGE, certificate.certificate(), certificate.id());
            byte[] wrapped = Base64.getDecoder().decode(content.dataKey());
            byte[] jdk = RsaUnwrap.jdk().unwrap(certificate.privateKey(), wrapped);

            for (RsaUnwrap rsa : unwraps()) {
                assertThat(rsa.unwrap(certificate.privateKey(), wrapped)).as(rsa.toString()).hasSize(32).isEqualTo(jdk);
            }
        }
    }

    @Test
    void aKeyWrappedForAnotherCertificateOrAlteredIsRefusedByBoth() {
        EncryptedContent forOther = GraphEncryption.encrypt(MESSAGE, OTHER.certificate(), OURS.id());
        byte[] wrapped = Base64.getDecoder().decode(forOther.dataKey());
        byte[] altered = Base64.getDecoder().decode(GraphEncryption.encrypt(MESSAGE, OURS.certificate(), OURS.id()).dataKey());
        altered[17] ^= 0x40;

        for (RsaUnwrap rsa : unwraps()) {
            assertThatThrownBy(() -> rsa.unwrap(OURS.privateKey(), wrapped)).as(rsa.toString()).isInstanceOf(BadPaddingException.class);
            assertThatThrownBy(() -> rsa.unwrap(OURS.privateKey(), altered)).as(rsa.toString()).isInstanceOf(BadPaddingException.class);

            DecryptionKeys keys = new DecryptionKeys();
            OURS.addTo(keys);
            EncryptedContent noThumbprint = new EncryptedContent(forOther.data(), forOther.dataSignature(), forOther.dataKey(), OURS.id(), null);
            assertThatThrownBy(() -> new NotificationDecryptor(keys, rsa).decrypt(noThumbprint))
                    .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNWRAP_FAILED));
        }
    }

    @Test
    void theJdkFallbackDecryptsWhatTheNativeOneDoes() {
        DecryptionKeys keys = new DecryptionKeys();
        OURS.addTo(keys);
        EncryptedContent content = GraphEncryption.encrypt(MESSAGE, OURS.certificate(), OURS.id());

        for (RsaUnwrap rsa : unwraps()) {
            assertThat(new String(new NotificationDecryptor(keys, rsa).decrypt(content), StandardCharsets.UTF_8)).isEqualTo(MESSAGE);
        }
    }

    /** The JDK's, and the native one where it loads. */
    private static List<RsaUnwrap> unwraps() {
        return RsaUnwrap.nativeIfLoaded().map(n -> List.of(RsaUnwrap.jdk(), n)).orElseGet(() -> List.of(RsaUnwrap.jdk()));
    }
}
