package io.teamsbridge.emulators.microsoft.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;

/**
 * The emulator's token signing key: an RSA 2048 key made at start, published in the JWKS and used
 * for access tokens, id tokens and Graph's change-notification validation tokens, which
 * Microsoft signs with the same identity platform keys.
 */
public final class SigningKeys {
    private final RSAKey key;
    private final RSASSASigner signer;
    private final RSASSAVerifier verifier;

    public SigningKeys() {
        try {
            // The kid imitates Entra's: an opaque base64url thumbprint of the key.
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            this.key = new RSAKey.Builder(generated).keyIDFromThumbprint().build();
            this.signer = new RSASSASigner(key);
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not create the emulator's RSA signing key", e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public half, as one JWK object for a {@code keys} array. */
    public Map<String, Object> publicJwk() {
        return key.toPublicJWK().toJSONObject();
    }

    /** Signs {@code claims} as an RS256 JWT with this key's kid, serialised. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token with the emulator key", e);
        }
        return jwt.serialize();
    }

    /** Whether {@code jwt} carries this key's kid and a valid RS256 signature by it. */
    public boolean signed(SignedJWT jwt) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !keyId().equals(jwt.getHeader().getKeyID())) {
            return false;
        }
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }
}
