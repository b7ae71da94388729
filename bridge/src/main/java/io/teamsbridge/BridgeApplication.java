package io.teamsbridge;

import io.teamsbridge.doctor.DoctorCommand;
import io.teamsbridge.microsoft.changes.DecryptCommand;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BridgeApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("decrypt")) {
            // An administrator's offline tool: no Spring context, no configuration needed.
            System.exit(DecryptCommand.run(List.of(args).subList(1, args.length), System.in, System.out, System.err));
        }
        allowBasicProxyAuthenticationForTunnels();
        capCachedDirectBuffers();
        if (args.length > 0 && args[0].equals("doctor")) {
            // Checks the real setup and prints a checklist; starts no web server and no work.
            System.exit(DoctorCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(BridgeApplication.class, args);
    }

    /**
     * The JDK refuses Basic authentication to a proxy for https tunnels unless told otherwise; an
     * outbound.proxy-username is only ever given to the configured proxy (OutboundClients).
     */
    private static void allowBasicProxyAuthenticationForTunnels() {
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
    }

    /**
     * A channel write or read of a heap buffer goes through a temporary direct buffer, which the JDK
     * keeps per thread, however large, unless told a limit. H2 writes its chunks so, from several
     * threads, and those buffers held 4–5 MiB of native memory for good (docs/performance.md,
     * "Direct buffers kept per thread"); larger ones are now freed after use. Read before the first
     * channel is used, so it is set here; {@code -Djdk.nio.maxCachedBufferSize} overrides it.
     */
    private static void capCachedDirectBuffers() {
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", String.valueOf(256 * 1024));
        }
    }
}
