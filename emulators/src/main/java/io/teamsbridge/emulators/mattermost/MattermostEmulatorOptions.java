package io.teamsbridge.emulators.mattermost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link MattermostEmulator}.
 *
 * @param port the loopback port to listen on; 0 picks a free one
 * @param contract the OpenAPI subset to validate REST requests against; empty turns validation off
 * @param clock the emulator's time: timestamps, the 30 s {@code pending_post_id} window, trigger
 *     id expiry, rate limiting
 */
public record MattermostEmulatorOptions(int port, Optional<Path> contract, Clock clock) {
    static final String SHARED_DIR_PROPERTY = "teamsbridge.shared.dir";
    static final String CONTRACT_FILE = "contracts/mattermost/mattermost-openapi-v4.integration-subset.yaml";

    public MattermostEmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Any free port, the system clock, and the contract found at
     * {@code ${teamsbridge.shared.dir}/contracts/mattermost/...}, else under {@code ../shared} or
     * {@code ../../shared} relative to the working directory, if it exists there.
     */
    public static MattermostEmulatorOptions defaults() {
        return new MattermostEmulatorOptions(0, findContract(), Clock.systemUTC());
    }

    public MattermostEmulatorOptions withPort(int newPort) {
        return new MattermostEmulatorOptions(newPort, contract, clock);
    }

    public MattermostEmulatorOptions withContract(Path newContract) {
        return new MattermostEmulatorOptions(port, Optional.of(newContract), clock);
    }

    public MattermostEmulatorOptions withoutContract() {
        return new MattermostEmulatorOptions(port, Optional.empty(), clock);
    }

    public MattermostEmulatorOptions withClock(Clock newClock) {
        return new MattermostEmulatorOptions(port, contract, newClock);
    }

    private static Optional<Path> findContract() {
        String shared = System.getProperty(SHARED_DIR_PROPERTY);
        if (shared != null && !shared.isBlank()) {
            Path candidate = Path.of(shared).resolve(CONTRACT_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        for (String relative : new String[] {"../shared", "../../shared"}) {
            Path candidate = Path.of(relative).resolve(CONTRACT_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
