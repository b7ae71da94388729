package io.teamsbridge.microsoft.changes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Holds the private keys notifications may be encrypted for: by certificate id and by SHA-1
 * thumbprint. Several keys are normal: after a certificate rotation, notifications encrypted for
 * the previous certificate keep arriving for a while. Safe to share between threads; keys may be
 * added while notifications are being decrypted.
 */
public final class DecryptionKeys {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public DecryptionKeys() {}

    /**
     * Adds a key.
     *
     * @param certificateId the id given to Graph with the certificate, or {@code null} if unknown
     * @param certificate the certificate, so notifications can be matched by thumbprint; with
     *     neither id nor certificate the key is tried for every notification
     * @param key an RSA private key, which must belong to the certificate if one is given
     * @throws KeyMaterialException when the key is not RSA or does not match the certificate
     */
    public void add(@Nullable String certificateId, @Nullable X509Certificate certificate, PrivateKey key) {
        requireRsaPair(certificate, key);
        entries.add(new Entry(certificateId, certificate == null ? null : thumbprintHex(certificate), key));
    }

    /**
     * The key a notification was encrypted for. A thumbprint match wins, then a certificate id
     * match; a key whose certificate is unknown is tried when nothing rules it out. When both
     * sides know a thumbprint and they differ, the key is ruled out even if the ids agree: the id
     * is ours and may be reused across rotations, the thumbprint is not.
     */
    public Optional<PrivateKey> find(@Nullable String certificateId, @Nullable String thumbprintHex) {
        Entry best = null;
        int bestScore = 0;
        for (Entry entry : entries) {
            int score = entry.score(certificateId, thumbprintHex);
            if (score > bestScore) {
                best = entry;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(Entry::key);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Keys from PEM text, for the command line. The key must be an unencrypted PKCS#8
     * {@code PRIVATE KEY} block; the certificate, if given, a {@code CERTIFICATE} block or bare
     * base64 DER. Without a certificate (here or in the key file) the key is tried for every
     * notification, whatever certificate id or thumbprint it names.
     */
    public static DecryptionKeys fromPem(String pkcs8PrivateKeyPem, @Nullable String certificatePemOrNull) {
        PemBlocks pem = PemBlocks.parse(pkcs8PrivateKeyPem);
        PemBlocks.Block keyBlock = pem.first("PRIVATE KEY").orElseThrow(() -> new KeyMaterialException(missingKeyMessage(pem)));
        PrivateKey key = rsaPrivateKey(keyBlock.der());
        X509Certificate certificate = null;
        if (certificatePemOrNull != null) {
            certificate = certificateFromText(certificatePemOrNull);
        } else if (pem.has("CERTIFICATE")) {
            certificate = certificate(pem.first("CERTIFICATE").orElseThrow().der());
        }
        DecryptionKeys keys = new DecryptionKeys();
        keys.add(null, certificate, key);
        return keys;
    }

    /** Every private key in a PKCS#12 file, each matched by its certificate's thumbprint. */
    public static DecryptionKeys fromPkcs12(byte[] p12, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(p12), password);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyMaterialException("the PKCS#12 file could not be opened: wrong password, or not a PKCS#12 file");
        }
        DecryptionKeys keys = new DecryptionKeys();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key
                        && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    keys.add(null, certificate, key);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("a private key in the PKCS#12 file could not be read: " + e.getClass().getSimpleName());
        }
        if (keys.isEmpty()) {
            throw new KeyMaterialException("the PKCS#12 file holds no private key with a certificate");
        }
        return keys;
    }

    /** Checks that the key is RSA and, if a certificate is given, that the certificate is the key's. */
    static void requireRsaPair(@Nullable X509Certificate certificate, PrivateKey key) {
        if (!"RSA".equals(key.getAlgorithm()) || !(key instanceof RSAKey rsaKey)) {
            throw new KeyMaterialException("the private key is " + key.getAlgorithm() + ", but Graph encrypts for RSA keys only");
        }
        if (certificate != null && !(certificate.getPublicKey() instanceof RSAKey pub && pub.getModulus().equals(rsaKey.getModulus()))) {
            throw new KeyMaterialException("the certificate (" + certificate.getSubjectX500Principal().getName()
                    + ") does not belong to the private key");
        }
    }

    /** Upper-case hex SHA-1 of the certificate's DER encoding, as Graph sends it. */
    static String thumbprintHex(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available in this JVM", e);
        }
    }

    static PrivateKey rsaPrivateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) {
            throw new KeyMaterialException("the private key is not an RSA key in PKCS#8 form");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new KeyMaterialException("the certificate is not an X.509 certificate");
        }
    }

    private static X509Certificate certificateFromText(String text) {
        PemBlocks pem = PemBlocks.parse(text);
        if (pem.has("CERTIFICATE")) {
            return certificate(pem.first("CERTIFICATE").orElseThrow().der());
        }
        if (!pem.isEmpty()) {
            throw new KeyMaterialException("the certificate file holds no CERTIFICATE block");
        }
        try {
            // Bare base64 DER: what a subscription's encryptionCertificate holds.
            return certificate(Base64.getMimeDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("the certificate is neither PEM nor base64 DER");
        }
    }

    private static String missingKeyMessage(PemBlocks pem) {
        if (pem.has("RSA PRIVATE KEY")) {
            return "the key is in PKCS#1 form (BEGIN RSA PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY.pem -out KEY.pkcs8.pem";
        }
        if (pem.has("ENCRYPTED PRIVATE KEY") || pem.blocks().stream().anyMatch(b -> b.type().endsWith("(legacy encrypted)"))) {
            return "the key is encrypted; decrypt it first with: openssl pkcs8 -topk8 -nocrypt -in KEY.pem -out KEY.pkcs8.pem";
        }
        return "no PRIVATE KEY block found in the key file";
    }

    /** One key; never printed, so the record's generated toString cannot leak the key. */
    private record Entry(@Nullable String certificateId, @Nullable String thumbprintHex, PrivateKey key) {
        /** 3 = same thumbprint, 2 = same id, 1 = nothing rules it out, 0 = ruled out. */
        int score(@Nullable String id, @Nullable String thumbprint) {
            if (thumbprint != null && thumbprintHex != null) {
                return thumbprintHex.equalsIgnoreCase(thumbprint.strip()) ? 3 : 0;
            }
            if (id != null && certificateId != null) {
                return certificateId.equals(id) ? 2 : 0;
            }
            return 1;
        }

        @Override
        public String toString() {
            return "Entry[certificateId=" + certificateId + ", thumbprint=" + thumbprintHex + "]";
        }
    }
}
