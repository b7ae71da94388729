package io.teamsbridge.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of every outbound connection: the JDK's default CAs, plus those of an optional PEM
 * bundle. A certificate is accepted when either trusts it, so adding a private CA never removes
 * trust in the public ones.
 */
final class TrustedCas {
    private TrustedCas() {}

    /** The JDK's default context when there is no bundle. */
    static SSLContext context(Path bundle) {
        try {
            if (bundle == null) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust(bundle)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS could not be set up: " + e.getMessage(), e);
        }
    }

    /** The JDK's trust and the bundle's, together. */
    static X509TrustManager trust(Path bundle) throws GeneralSecurityException {
        return new EitherTrustManager(trustManager(null), trustManager(keyStore(read(bundle))));
    }

    /** The CA certificates of a PEM bundle; fails with a message naming the setting when there are none. */
    static List<X509Certificate> read(Path bundle) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(bundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new io.teamsbridge.config.StartupCheckException("outbound.trusted-ca-file " + bundle
                    + " cannot be read (" + e.getClass().getSimpleName() + "): give the path of a PEM file the service can read.");
        } catch (CertificateException e) {
            throw new io.teamsbridge.config.StartupCheckException("outbound.trusted-ca-file " + bundle
                    + " holds no readable certificate: it must be PEM (-----BEGIN CERTIFICATE-----).");
        }
        List<X509Certificate> found = new ArrayList<>();
        for (Certificate c : certificates) {
            found.add((X509Certificate) c);
        }
        if (found.isEmpty()) {
            throw new io.teamsbridge.config.StartupCheckException("outbound.trusted-ca-file " + bundle
                    + " holds no certificate: it must be PEM (-----BEGIN CERTIFICATE-----).");
        }
        return found;
    }

    private static KeyStore keyStore(List<X509Certificate> certificates) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("extra-ca-" + i, certificates.get(i));
        }
        return store;
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts what either trusts; the issuers of both are accepted. */
    record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
