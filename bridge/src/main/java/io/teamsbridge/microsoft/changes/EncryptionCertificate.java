package io.teamsbridge.microsoft.changes;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The service's own encryption certificate: Graph encrypts each notification's symmetric key with
 * its public key. Self-signed is fine: Graph checks neither issuer nor validity, only that it is
 * RSA of 2048 to 4096 bits.
 *
 * @param id what the subscription's {@code encryptionCertificateId} is set to (at most 128
 *     characters); Graph echoes it in every notification
 */
public record EncryptionCertificate(String id, X509Certificate certificate, PrivateKey privateKey) {
    static final String SUBJECT = "CN=teams-bridge";
    static final Duration VALIDITY = Duration.ofDays(730);
    /** Some tools reject a certificate dated a moment into the future; back-date it a little. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final int MAX_ID_CHARS = 128;

    public EncryptionCertificate {
        if (id == null || id.isBlank() || id.length() > MAX_ID_CHARS) {
            throw new KeyMaterialException("the encryption certificate id must be 1 to " + MAX_ID_CHARS + " characters");
        }
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        // A certificate kept with the wrong key would fail every notification: refuse it up front.
        DecryptionKeys.requireRsaPair(certificate, privateKey);
    }

    /** A new self-signed RSA 2048 certificate, CN=teams-bridge, SHA256withRSA, valid about two years. */
    public static EncryptionCertificate generate(String id, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name subject = new X500Name(SUBJECT);
            // Positive, at most 20 bytes as RFC 5280 requires, and unguessable.
            BigInteger serial = new BigInteger(159, new SecureRandom());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new EncryptionCertificate(id, certificate, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("could not create a self-signed RSA certificate", e);
        }
    }

    /** Restores a certificate kept as {@link #base64Der()} and {@link #privateKeyPkcs8Base64()}. */
    public static EncryptionCertificate fromStored(String id, String certificateBase64Der, String privateKeyPkcs8Base64) {
        byte[] der;
        byte[] pkcs8;
        try {
            der = Base64.getDecoder().decode(certificateBase64Der);
            pkcs8 = Base64.getDecoder().decode(privateKeyPkcs8Base64);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("the stored encryption certificate or key is not valid base64");
        }
        return new EncryptionCertificate(id, DecryptionKeys.certificate(der), DecryptionKeys.rsaPrivateKey(pkcs8));
    }

    /** When a stored certificate (base64 DER) stops being valid, read without its private key. */
    public static Instant expiryOf(String certificateBase64Der) {
        try {
            return DecryptionKeys.certificate(Base64.getDecoder().decode(certificateBase64Der)).getNotAfter().toInstant();
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("the stored encryption certificate is not valid base64");
        }
    }

    /** The DER certificate in base64: the value of a subscription's {@code encryptionCertificate}. */
    public String base64Der() {
        return Base64.getEncoder().encodeToString(der());
    }

    /** Upper-case hex SHA-1 of the DER certificate: what Graph sends as {@code encryptionCertificateThumbprint}. */
    public String thumbprintHex() {
        return DecryptionKeys.thumbprintHex(certificate);
    }

    /** The private key, PKCS#8 in base64. A secret: store it sealed, never log it. */
    public String privateKeyPkcs8Base64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /** When the certificate stops being valid; renew well before, though Graph does not check it. */
    public Instant expiresAt() {
        return certificate.getNotAfter().toInstant();
    }

    /** Adds this certificate's key to a key ring, found by id and thumbprint. */
    public void addTo(DecryptionKeys keys) {
        keys.add(id, certificate, privateKey);
    }

    private byte[] der() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the certificate cannot be encoded", e);
        }
    }

    /** The JDK's RSA private key prints its private exponent; this must not. */
    @Override
    public String toString() {
        return "EncryptionCertificate[id=" + id + ", thumbprint=" + thumbprintHex() + ", expiresAt=" + expiresAt() + "]";
    }
}
