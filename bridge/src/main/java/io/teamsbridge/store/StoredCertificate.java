package io.teamsbridge.store;

import java.time.Instant;

/** The notification-encryption certificate; its private key sealed for {@link #vaultContext(String)}. */
public record StoredCertificate(String id, String certificateDer, String privateKeySealed, Instant createdAt,
        boolean active) {

    public static String vaultContext(String id) {
        return "encryption_certificate:" + id;
    }
}
