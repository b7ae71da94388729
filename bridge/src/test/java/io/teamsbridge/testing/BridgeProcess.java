package io.teamsbridge.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The bridge as an administrator runs it: {@code java -jar teams-bridge.jar} in its own process,
 * configured by command-line settings, which a test can kill without warning ({@code kill -9}).
 */
public final class BridgeProcess implements AutoCloseable {
    private final Process process;

    private BridgeProcess(Process process) {
        this.process = process;
    }

    /** The executable jar the build made, or null when it has not been built yet. */
    public static Path jar() {
        Path jar = Path.of("target", "teams-bridge.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    /** The JVM options the README gives for running the bridge. */
    public static final List<String> README_JVM_OPTIONS = List.of("-Xmx112m", "-XX:+UseSerialGC", "-XX:-TieredCompilation", "-XX:TrimNativeHeapInterval=5000");

    /** Starts the jar with the README's JVM options and these settings, and waits until it answers. */
    public static BridgeProcess start(Map<String, String> settings, URI bridgeUrl, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(README_JVM_OPTIONS);
        command.addAll(List.of("-jar", jar().toString()));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BridgeProcess bridge = new BridgeProcess(process);
        HttpClient http = HttpClient.newHttpClient();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The bridge process exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(bridgeUrl + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException notStarted) {
            process.destroyForcibly(); // a process that never became healthy must not outlive the test
            throw notStarted;
        }
        return bridge;
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
