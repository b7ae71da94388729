package io.teamsbridge.microsoft.changes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code changeNotificationEncryptedContent}: the resource encrypted for one of our
 * certificates. All binary values are standard base64.
 *
 * @param data the resource JSON, AES-CBC encrypted with the symmetric key
 * @param dataSignature HMAC-SHA256 of the decoded {@code data}, keyed with the symmetric key
 * @param dataKey the symmetric key, RSA-OAEP encrypted with our certificate's public key
 * @param encryptionCertificateId the id we gave the certificate on the subscription
 * @param encryptionCertificateThumbprint upper-case hex SHA-1 of the certificate's DER encoding
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EncryptedContent(
        @Nullable String data,
        @Nullable String dataSignature,
        @Nullable String dataKey,
        @Nullable String encryptionCertificateId,
        @Nullable String encryptionCertificateThumbprint) {

    /** Names the certificate only; the ciphertext stays out of logs. */
    @Override
    public String toString() {
        return "EncryptedContent[encryptionCertificateId=" + encryptionCertificateId
                + ", encryptionCertificateThumbprint=" + encryptionCertificateThumbprint
                + ", data=" + (data == null ? "absent" : data.length() + " base64 chars") + "]";
    }
}
