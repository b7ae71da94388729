package io.teamsbridge.microsoft.changes;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

/** Two certificates made once per test run: RSA key generation is the slowest thing these tests do. */
final class TestCertificates {
    static final EncryptionCertificate A = EncryptionCertificate.generate("cert-a", Clock.systemUTC());
    static final EncryptionCertificate B = EncryptionCertificate.generate("cert-b", Clock.systemUTC());

    private TestCertificates() {}

    /** The certificate's key pair as a JWT signing key. */
    static RSAKey signingKey(EncryptionCertificate certificate, String kid) {
        return new RSAKey.Builder((RSAPublicKey) certificate.certificate().getPublicKey())
                .privateKey(certificate.privateKey())
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }
}
