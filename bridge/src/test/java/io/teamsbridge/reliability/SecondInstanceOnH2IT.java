package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.BridgeProcess;
import io.teamsbridge.testing.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A second instance started on the embedded H2 file of a running one stops at once with one clear line. */
class SecondInstanceOnH2IT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    @Test
    void aSecondInstanceOnTheSameH2FileSaysWhyItCannotStart() throws Exception {
        assumeTrue("h2".equals(TestDatabase.selectedKind()), "only the embedded H2 database is locked by one process");
        assumeTrue(BridgeProcess.jar() != null, "target/teams-bridge.jar is not built (run through mvn verify)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> settings = new LinkedHashMap<>(bridge.harness().bridgeProperties());
        settings.put("server.port", String.valueOf(port));
        Path log = Files.createTempFile("second-instance", ".log");

        assertThatThrownBy(() -> BridgeProcess.start(settings, URI.create("http://127.0.0.1:" + port), log))
                .hasMessageContaining("exited");

        String output = Files.readString(log);
        assertThat(output).contains("The embedded H2 database is in use by another process (most likely another "
                + "teams-bridge instance): only one instance can use an H2 file.");
        assertThat(output).doesNotContain("\tat org.h2.");
    }
}
