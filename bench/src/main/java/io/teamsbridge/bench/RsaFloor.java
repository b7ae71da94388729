package io.teamsbridge.bench;

import io.teamsbridge.microsoft.changes.RsaUnwrap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The one step no implementation can skip, timed on this machine in this run: unwrapping a
 * notification's 32-byte data key with an RSA-2048 private key (OAEP, SHA-1), as Graph requires,
 * through the bridge's own {@link RsaUnwrap}: the JDK's (the floor the targets are stated in) and
 * the native one the bridge uses where it loads. Measured as CPU time of one thread while nothing
 * else of the run is working yet, after a warm-up long enough for the JIT; the cheapest of several
 * rounds, since anything else the machine does can only make a round dearer.
 */
final class RsaFloor {
    private static final OAEPParameterSpec OAEP_SHA1 = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT);

    private RsaFloor() {}

    /** CPU milliseconds per unwrap: the cheapest of {@code rounds} rounds of {@code seconds} after {@code warmupSeconds}. */
    static double measureMs(RsaUnwrap unwrap, double warmupSeconds, int rounds, double seconds) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        Cipher wrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
        wrap.init(Cipher.ENCRYPT_MODE, keys.getPublic(), OAEP_SHA1);
        byte[] wrapped = wrap.doFinal(dataKey);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(unwrap, keys, wrapped, (long) (warmupSeconds * 1e9));
        double cheapest = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long operations = run(unwrap, keys, wrapped, (long) (seconds * 1e9));
            cheapest = Math.min(cheapest, (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6 / operations);
        }
        return cheapest;
    }

    private static long run(RsaUnwrap unwrap, KeyPair keys, byte[] wrapped, long nanos) throws GeneralSecurityException {
        long end = System.nanoTime() + nanos;
        long operations = 0;
        while (System.nanoTime() < end || operations == 0) {
            if (unwrap.unwrap(keys.getPrivate(), wrapped).length != 32) {
                throw new IllegalStateException("the unwrapped key is not 32 bytes");
            }
            operations++;
        }
        return operations;
    }
}
