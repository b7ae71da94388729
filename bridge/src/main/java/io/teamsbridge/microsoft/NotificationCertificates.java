package io.teamsbridge.microsoft;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.changes.DecryptionKeys;
import io.teamsbridge.microsoft.changes.EncryptionCertificate;
import io.teamsbridge.microsoft.changes.NotificationDecryptor;
import io.teamsbridge.store.CertificateRepository;
import io.teamsbridge.store.StoredCertificate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The certificate Graph encrypts notification resource data with. It is generated on first start
 * and kept in the database with its private key sealed; every certificate ever made stays usable
 * for decryption, so notifications encrypted before a rotation still open.
 */
@Component
public class NotificationCertificates {
    private static final Logger log = LoggerFactory.getLogger(NotificationCertificates.class);

    private final CertificateRepository repository;
    private final SecretVault vault;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(EncryptionCertificate active, NotificationDecryptor decryptor) {}

    public NotificationCertificates(CertificateRepository repository, SecretVault vault, Clock clock) {
        this.repository = repository;
        this.vault = vault;
        this.clock = clock;
    }

    /** The certificate new subscriptions are made with. */
    public EncryptionCertificate active() {
        return load().active();
    }

    /** A decryptor that knows every certificate's private key. */
    public NotificationDecryptor decryptor() {
        return load().decryptor();
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (loaded == null) {
                loaded = read();
            }
            return loaded;
        }
    }

    private Loaded read() {
        List<StoredCertificate> stored = repository.findAll();
        if (stored.isEmpty()) {
            EncryptionCertificate fresh = EncryptionCertificate.generate("teams-bridge-" + UUID.randomUUID(), clock);
            repository.insert(new StoredCertificate(fresh.id(), fresh.base64Der(),
                    vault.seal(fresh.privateKeyPkcs8Base64(), StoredCertificate.vaultContext(fresh.id())), clock.instant(), true));
            log.info("Generated the certificate Microsoft Graph encrypts notifications with ({}, thumbprint {}).", fresh.id(),
                    fresh.thumbprintHex());
            stored = repository.findAll();
        }
        DecryptionKeys keys = new DecryptionKeys();
        EncryptionCertificate active = null;
        for (StoredCertificate row : stored) {
            EncryptionCertificate certificate = EncryptionCertificate.fromStored(row.id(), row.certificateDer(),
                    vault.open(row.privateKeySealed(), StoredCertificate.vaultContext(row.id())));
            certificate.addTo(keys);
            if (active == null && row.active()) {
                active = certificate;
            }
        }
        if (active == null) {
            throw new IllegalStateException("No active notification-encryption certificate is stored.");
        }
        return new Loaded(active, new NotificationDecryptor(keys));
    }
}
