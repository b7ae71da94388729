package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.microsoft.changes.DecryptionException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationDecryptorTest {
    private static final EncryptionCertificate OURS = TestCertificates.A;
    private static final EncryptionCertificate OTHER = TestCertificates.B;
    private static final String MESSAGE = """
            {"id":"1700000000000","messageType":"message","body":{"contentType":"html","content":"<p>Grüße — <b>hi</b></p>"}}""";

    @Test
    void decryptsMicrosoftsSdkVectorWithItsPkcs12() {
        byte[] plaintext = new NotificationDecryptor(SharedVectors.pkcs12Keys()).decrypt(SharedVectors.encryptedContent("encrypted-content.json"));

        assertSameJson(plaintext, SharedVectors.bytes("expected-plaintext.json"));
        assertThat(ChangeNotifications.readTree(plaintext).path("etag").asString()).isEqualTo(SharedVectors.ETAG);
    }

    @Test
    void decryptsMicrosoftsSdkVectorWithPemKeyAndCertificate() {
        byte[] plaintext = new NotificationDecryptor(SharedVectors.pemKeys(true)).decrypt(SharedVectors.encryptedContent("encrypted-content.json"));

        assertSameJson(plaintext, SharedVectors.bytes("expected-plaintext.json"));
    }

    @Test
    void aPemKeyWithoutCertificateIsTriedWhateverCertificateTheNotificationNames() {
        EncryptedContent vector = SharedVectors.encryptedContent("encrypted-content.json");
        EncryptedContent renamed = new EncryptedContent(vector.data(), vector.dataSignature(), vector.dataKey(), "some-other-id", "00".repeat(20));

        byte[] plaintext = new NotificationDecryptor(SharedVectors.pemKeys(false)).decrypt(renamed);

        assertSameJson(plaintext, SharedVectors.bytes("expected-plaintext.json"));
    }

    @Test
    void tamperedVectorFailsTheSignatureCheckBeforeAnythingIsDecrypted() {
        // The flipped first ciphertext byte leaves the CBC padding intact: only the HMAC can catch it.
        EncryptedContent tampered = SharedVectors.encryptedContent("encrypted-content-tampered.json");

        for (DecryptionKeys keys : new DecryptionKeys[] {SharedVectors.pkcs12Keys(), SharedVectors.pemKeys(false)}) {
            assertThatThrownBy(() -> new NotificationDecryptor(keys).decrypt(tampered))
                    .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                    .hasMessage("the data signature does not match: the notification was altered or encrypted for another key");
        }
    }

    @Test
    void syntheticChatVectorDecryptsToItsExactPlaintext() {
        ChangeNotificationCollection batch = ChangeNotifications.parse(SharedVectors.bytes("synthetic-chat-notification.json"));

        byte[] plaintext = new NotificationDecryptor(SharedVectors.pkcs12Keys()).decrypt(batch.value().getFirst().encryptedContent());

        assertThat(plaintext).isEqualTo(SharedVectors.bytes("synthetic-chat-expected-plaintext.json"));
    }

    @Test
    void unknownCertificateIsNamedInTheFailure() {
        EncryptedContent vector = SharedVectors.encryptedContent("encrypted-content.json");
        EncryptedContent unknown = new EncryptedContent(vector.data(), vector.dataSignature(), vector.dataKey(), "retired-cert", "AB".repeat(20));

        assertThatThrownBy(() -> new NotificationDecryptor(SharedVectors.pkcs12Keys()).decrypt(unknown))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY))
                .hasMessageContaining("'retired-cert'")
                .hasMessageContaining("AB".repeat(20))
                .hasMessageContaining("does not hold");
    }

    @Test
    void noKeysAtAllIsAnUnknownKey() {
        assertThatThrownBy(() -> new NotificationDecryptor(new DecryptionKeys()).decrypt(GraphEncryption.encrypt(MESSAGE, OURS.certificate(), OURS.id())))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void roundTripWithOurOwnCertificate() {
        DecryptionKeys keys = new DecryptionKeys();
        OURS.addTo(keys);

        byte[] plaintext = new NotificationDecryptor(keys).decrypt(GraphEncryption.encrypt(MESSAGE, OURS.certificate(), OURS.id()));

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(MESSAGE);
    }

    @Test
    void afterRotationEachNotificationFindsTheKeyItWasEncryptedFor() {
        // The same id on both certificates: the thumbprint tells them apart.
        EncryptionCertificate previous = new EncryptionCertificate("teams-bridge", OURS.certificate(), OURS.privateKey());
        EncryptionCertificate current = new EncryptionCertificate("teams-bridge", OTHER.certificate(), OTHER.privateKey());
        DecryptionKeys keys = new DecryptionKeys();
        previous.addTo(keys);
        current.addTo(keys);
        NotificationDecryptor decryptor = new NotificationDecryptor(keys);

        assertThat(decryptor.decrypt(GraphEncryption.encrypt("{\"v\":1}", previous.certificate(), "teams-bridge"))).asString().isEqualTo("{\"v\":1}");
        assertThat(decryptor.decrypt(GraphEncryption.encrypt("{\"v\":2}", current.certificate(), "teams-bridge"))).asString().isEqualTo("{\"v\":2}");
    }

    @Test
    void contentEncryptedForAnotherCertificateUnderOurIdFailsToUnwrap() {
        DecryptionKeys keys = new DecryptionKeys();
        OURS.addTo(keys);
        EncryptedContent forOther = GraphEncryption.encrypt(MESSAGE, OTHER.certificate(), OURS.id());
        EncryptedContent withoutThumbprint = new EncryptedContent(forOther.data(), forOther.dataSignature(), forOther.dataKey(), OURS.id(), null);

        assertThatThrownBy(() -> new NotificationDecryptor(keys).decrypt(withoutThumbprint))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNWRAP_FAILED))
                .hasMessageContaining("could not be unwrapped");
    }

    @Test
    void aTruncatedCiphertextIsCaughtByTheSignatureNotByTheCipher() {
        EncryptedContent vector = SharedVectors.encryptedContent("encrypted-content.json");
        byte[] data = Base64.getDecoder().decode(vector.data());
        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(data, data.length - 5));

        assertThatThrownBy(() -> new NotificationDecryptor(SharedVectors.pkcs12Keys())
                        .decrypt(new EncryptedContent(truncated, vector.dataSignature(), vector.dataKey(), vector.encryptionCertificateId(), vector.encryptionCertificateThumbprint())))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void badPaddingUnderAValidSignatureIsReportedAsSuch() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        EncryptedContent valid = GraphEncryption.encrypt(new byte[0], key, OURS.certificate(), OURS.id());
        byte[] garbage = new byte[32];
        Arrays.fill(garbage, (byte) 0x5a);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        EncryptedContent signedGarbage = new EncryptedContent(Base64.getEncoder().encodeToString(garbage),
                Base64.getEncoder().encodeToString(hmac.doFinal(garbage)), valid.dataKey(), OURS.id(), OURS.thumbprintHex());
        DecryptionKeys keys = new DecryptionKeys();
        OURS.addTo(keys);

        assertThatThrownBy(() -> new NotificationDecryptor(keys).decrypt(signedGarbage))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PADDING))
                .hasMessage("the data could not be decrypted: bad padding");
    }

    @Test
    void aDataKeyThatIsNotAes256IsRefused() {
        EncryptedContent shortKey = GraphEncryption.encrypt("{}".getBytes(StandardCharsets.UTF_8), new byte[16], OURS.certificate(), OURS.id());
        DecryptionKeys keys = new DecryptionKeys();
        OURS.addTo(keys);

        assertThatThrownBy(() -> new NotificationDecryptor(keys).decrypt(shortKey))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("16 bytes");
    }

    @Test
    void missingOrNonBase64MembersAreMalformed() {
        EncryptedContent vector = SharedVectors.encryptedContent("encrypted-content.json");
        NotificationDecryptor decryptor = new NotificationDecryptor(SharedVectors.pkcs12Keys());

        assertThatThrownBy(() -> decryptor.decrypt(new EncryptedContent(vector.data(), vector.dataSignature(), null, null, null)))
                .hasMessage("encryptedContent has no dataKey");
        assertThatThrownBy(() -> decryptor.decrypt(new EncryptedContent(vector.data(), "not base64!", vector.dataKey(), null, null)))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessage("encryptedContent.dataSignature is not valid base64");
    }

    @Test
    void failuresNeverCarryTheSymmetricKey() {
        String keyHex = SharedVectors.text("symmetric-key.hex").strip();
        String keyBase64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(keyHex));

        assertThatThrownBy(() -> new NotificationDecryptor(SharedVectors.pkcs12Keys()).decrypt(SharedVectors.encryptedContent("encrypted-content-tampered.json")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(keyHex).doesNotContain(keyBase64));
    }

    private static void assertSameJson(byte[] actual, byte[] expected) {
        JsonNode a = ChangeNotifications.readTree(actual);
        JsonNode b = ChangeNotifications.readTree(expected);
        assertThat(a).isEqualTo(b);
    }
}
