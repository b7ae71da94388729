package io.teamsbridge.microsoft.changes;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.MGF1ParameterSpec;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.jspecify.annotations.Nullable;

/**
 * Unwraps a notification's data key: RSA-OAEP with SHA-1 and MGF1-SHA-1 (Graph's choice). It is
 * the one step every decrypted notification must pay, so it runs on the native RSA of AWS-LC,
 * through Amazon Corretto Crypto Provider, wherever that library loads (Linux on x86-64): 0.25 ms
 * per unwrap on the bench machine against 0.97 ms for the JDK's own. Elsewhere, or if the
 * library fails its start, the JDK does the same work. Only this step uses the native provider;
 * TLS, signatures and everything else stay with the JDK's providers.
 *
 * <p>A key is handed to the native provider in its own form, translated once and kept: handing it
 * the JDK's key object would translate it again on every unwrap, at three times the cost.
 */
public final class RsaUnwrap {
    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";
    private static final OAEPParameterSpec OAEP_SHA1 =
            new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    private static final RsaUnwrap JDK = new RsaUnwrap(null, "the JDK's RSA");

    private final @Nullable Provider provider;
    private final String implementation;
    /** The provider's form of each key, by the identity of the key it was made from; keys are few. */
    private final ConcurrentMap<KeyIdentity, PrivateKey> translated = new ConcurrentHashMap<>();

    private RsaUnwrap(@Nullable Provider provider, String implementation) {
        this.provider = provider;
        this.implementation = implementation;
    }

    /** The native unwrap where it loads, else the JDK's. */
    public static RsaUnwrap preferred() {
        return Native.UNWRAP.orElse(JDK);
    }

    /** The JDK's unwrap, whatever else is available. */
    public static RsaUnwrap jdk() {
        return JDK;
    }

    /** The native unwrap, if its library loaded on this machine. */
    public static Optional<RsaUnwrap> nativeIfLoaded() {
        return Native.UNWRAP;
    }

    /** Why the native unwrap is not used on this machine; empty when it is available. */
    public static Optional<String> whyNotNative() {
        return Native.UNWRAP.isPresent() ? Optional.empty() : Optional.of(Native.whyNot);
    }

    /** What does the work, for logs and the doctor: "AWS-LC v1.47.0 (Amazon Corretto Crypto Provider 2.5.0)". */
    public String implementation() {
        return implementation;
    }

    public boolean isNative() {
        return provider != null;
    }

    /**
     * The data key inside {@code wrapped}.
     *
     * @throws javax.crypto.BadPaddingException when it was encrypted for another key or altered
     * @throws GeneralSecurityException when the key cannot be used for RSA-OAEP
     */
    public byte[] unwrap(PrivateKey key, byte[] wrapped) throws GeneralSecurityException {
        Cipher rsa;
        PrivateKey usable = key;
        if (provider == null) {
            rsa = Cipher.getInstance(TRANSFORMATION);
        } else {
            KeyIdentity identity = new KeyIdentity(key);
            usable = translated.get(identity);
            if (usable == null) {
                // Outside the map's lock: two first unwraps may both translate; the first one kept wins.
                PrivateKey fresh = translate(key);
                PrivateKey kept = translated.putIfAbsent(identity, fresh);
                usable = kept == null ? fresh : kept;
            }
            // A key the native provider cannot take (say, one kept in a hardware token) stays with the JDK.
            rsa = usable == key ? Cipher.getInstance(TRANSFORMATION) : Cipher.getInstance(TRANSFORMATION, provider);
        }
        rsa.init(Cipher.DECRYPT_MODE, usable, OAEP_SHA1);
        return rsa.doFinal(wrapped);
    }

    private PrivateKey translate(PrivateKey key) {
        try {
            return (PrivateKey) KeyFactory.getInstance("RSA", provider).translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    @Override
    public String toString() {
        return "RsaUnwrap[" + implementation + "]";
    }

    /** Compares keys by identity: a key's own equals may encode it on every call. */
    private record KeyIdentity(PrivateKey key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyIdentity that && that.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }

        @Override
        public String toString() {
            return "KeyIdentity";
        }
    }

    /** Loads the native library on first use only, and only once. */
    private static final class Native {
        static String whyNot = "";
        static final Optional<RsaUnwrap> UNWRAP = load();

        private static Optional<RsaUnwrap> load() {
            try {
                AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
                Throwable error = accp.getLoadingError();
                if (error != null) {
                    whyNot = "its library did not load: " + error;
                    return Optional.empty();
                }
                accp.assertHealthy();
                return Optional.of(new RsaUnwrap(accp, accp.getAwsLcVersionStr() + " (Amazon Corretto Crypto Provider "
                        + accp.getVersionStr() + ")"));
            } catch (RuntimeException | LinkageError e) {
                whyNot = "it failed to start: " + e;
                return Optional.empty();
            }
        }
    }
}
