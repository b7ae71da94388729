package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar teams-bridge.jar decrypt …}, run as an administrator would, after the jar is built. */
class DecryptJarIT {
    @TempDir
    Path temp;

    @Test
    void theExecutableJarRunsTheCommandWithoutStartingSpring() throws Exception {
        Path jar = Path.of("target/teams-bridge.jar");
        assumeTrue(Files.isRegularFile(jar), "target/teams-bridge.jar has not been built (mvn package)");
        try (JarFile file = new JarFile(jar.toFile())) {
            assumeTrue(file.getEntry("BOOT-INF/classes/io/teamsbridge/microsoft/changes/DecryptCommand.class") != null,
                    "target/teams-bridge.jar predates the decrypt command; rebuild it");
        }
        // One launch covers both paths: a good item printed, a tampered one reported, exit code 1.
        Path input = temp.resolve("notification.json");
        Files.writeString(input, "{\"value\":[{\"encryptedContent\":" + SharedVectors.text("encrypted-content.json")
                + "},{\"encryptedContent\":" + SharedVectors.text("encrypted-content-tampered.json") + "}]}");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "decrypt", "--key", key())
                .redirectInput(input.toFile())
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .start();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }

        assertThat(done).as("the command ends on its own").isTrue();
        String err = Files.readString(temp.resolve("err.txt"));
        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(Files.readString(temp.resolve("out.txt"))).contains("\"etag\" : \"" + SharedVectors.ETAG + "\"");
        assertThat(err.strip()).isEqualTo("item 2: the data signature does not match: the notification was altered or encrypted for another key");
    }

    private static String key() {
        return SharedVectors.file("test-key.private.pkcs8.pem").toString();
    }
}
