package io.teamsbridge.microsoft;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.changes.DecryptionKeys;
import io.teamsbridge.microsoft.changes.EncryptionCertificate;
import io.teamsbridge.microsoft.changes.NotificationDecryptor;
import io.teamsbridge.microsoft.changes.RsaUnwrap;
import io.teamsbridge.store.CertificateRepository;
import io.teamsbridge.store.StoredCertificate;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.config.StartupCheckException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
    private final MicrosoftProperties.Subscription settings;
    private final java.util.concurrent.locks.ReentrantLock loading = new java.util.concurrent.locks.ReentrantLock();
    private volatile Loaded loaded;

    private record Loaded(EncryptionCertificate active, NotificationDecryptor decryptor) {}

    public NotificationCertificates(CertificateRepository repository, SecretVault vault, Clock clock,
            MicrosoftProperties microsoft) {
        this.repository = repository;
        this.vault = vault;
        this.clock = clock;
        this.settings = microsoft.subscription();
    }

    /** The certificate new subscriptions are made with. */
    public EncryptionCertificate active() {
        return load().active();
    }

    /**
     * When the certificate new subscriptions use expires, read without creating one: the configured
     * file's, else the newest stored one's; empty when none was made yet.
     */
    public Optional<Instant> activeExpiryWithoutCreating() {
        Optional<EncryptionCertificate> file = configured();
        if (file.isPresent()) {
            return Optional.of(file.get().expiresAt());
        }
        return repository.findAll().stream().filter(StoredCertificate::active).reduce((a, b) -> b)
                .map(row -> EncryptionCertificate.expiryOf(row.certificateDer()));
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
        // A lock, not a monitor: reading touches the database, and a monitor would pin a virtual thread.
        loading.lock();
        try {
            if (loaded == null) {
                loaded = read();
            }
            return loaded;
        } finally {
            loading.unlock();
        }
    }

    private Loaded read() {
        RsaUnwrap rsa = RsaUnwrap.preferred();
        log.info("Notification data keys are unwrapped with {}{}.", rsa.implementation(),
                RsaUnwrap.whyNotNative().map(why -> " (the native RSA is not used: " + why + ")").orElse(""));
        Optional<EncryptionCertificate> configured = configured();
        List<StoredCertificate> stored = repository.findAll();
        if (configured.isPresent()) {
            // The administrator's certificate encrypts new subscriptions; stored ones still decrypt old notifications.
            DecryptionKeys keys = new DecryptionKeys();
            configured.get().addTo(keys);
            for (StoredCertificate row : stored) {
                EncryptionCertificate.fromStored(row.id(), row.certificateDer(),
                        vault.open(row.privateKeySealed(), StoredCertificate.vaultContext(row.id()))).addTo(keys);
            }
            return new Loaded(configured.get(), new NotificationDecryptor(keys));
        }
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

    /** The certificate in microsoft.subscription.certificate-file, if one is configured. */
    private Optional<EncryptionCertificate> configured() {
        if (settings.certificateFile() == null) {
            return Optional.empty();
        }
        char[] password = settings.certificatePassword() == null ? new char[0] : settings.certificatePassword().toCharArray();
        try (InputStream in = Files.newInputStream(settings.certificateFile())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    String id = "configured-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(certificate.getEncoded())).substring(0, 16);
                    return Optional.of(new EncryptionCertificate(id, certificate, key));
                }
            }
            throw new StartupCheckException("Configuration error: microsoft.subscription.certificate-file "
                    + settings.certificateFile() + " holds no certificate with a private key.");
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupCheckException("Configuration error: microsoft.subscription.certificate-file "
                    + settings.certificateFile() + " could not be read (" + e.getClass().getSimpleName()
                    + "): check the path and microsoft.subscription.certificate-password.");
        }
    }
}
