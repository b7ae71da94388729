package io.teamsbridge.emulators.microsoft.notifications;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The certificate a subscriber sent for rich notifications: the text as sent (echoed back as Graph
 * does), its id, the RSA key its content keys are wrapped with, and the thumbprint Graph puts in
 * every {@code encryptedContent}. Validity dates and issuer are not checked, as Graph does not.
 *
 * @param thumbprint upper-case hex SHA-1 of the DER encoding
 */
public record EncryptionCertificate(String asSent, String id, RSAPublicKey publicKey, String thumbprint) {
    /** Graph's documented bounds for the key size. */
    static final int MIN_BITS = 2048;
    static final int MAX_BITS = 4096;

    /**
     * @param base64 base64 DER X.509, as in {@code encryptionCertificate}
     * @throws IllegalArgumentException saying why the certificate cannot be used
     */
    static EncryptionCertificate parse(String base64, String id) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encryptionCertificate is not base64");
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("the encryptionCertificate is not a DER X.509 certificate");
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new IllegalArgumentException("the encryptionCertificate's key is not an RSA key");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("the encryptionCertificate's RSA key has " + bits
                    + " bits; " + MIN_BITS + " to " + MAX_BITS + " are supported");
        }
        try {
            String thumbprint = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(certificate.getEncoded()));
            return new EncryptionCertificate(base64, id, rsa, thumbprint);
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("every JDK has SHA-1 and can encode a certificate it parsed", e);
        }
    }

    /** Never prints the certificate body; it is long and says nothing in a log. */
    @Override
    public String toString() {
        return "EncryptionCertificate[id=" + id + ", thumbprint=" + thumbprint + "]";
    }
}
