package io.teamsbridge.emulators.microsoft.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

/** Graph's {@code changeNotificationEncryptedContent}; all binary fields base64. */
record EncryptedContent(String data, String dataSignature, String dataKey, String encryptionCertificateId,
        String encryptionCertificateThumbprint) {

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("dataSignature", dataSignature);
        out.put("dataKey", dataKey);
        out.put("encryptionCertificateId", encryptionCertificateId);
        out.put("encryptionCertificateThumbprint", encryptionCertificateThumbprint);
        return out;
    }
}
