package io.teamsbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkFinderTest {
    @TempDir
    Path home;

    private static Path jdk(Path at, String version) throws IOException {
        Files.createDirectories(at.resolve("bin"));
        Files.writeString(at.resolve("bin/java"), "");
        Files.writeString(at.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_VERSION=\"" + version + "\"\n");
        return at;
    }

    @Test
    void versionsAreReadFromTheReleaseFile() {
        assertThat(JdkFinder.feature("\"25.0.1\"")).contains(25);
        assertThat(JdkFinder.feature("21")).contains(21);
        assertThat(JdkFinder.feature("\"1.8.0_402\"")).contains(8);
        assertThat(JdkFinder.feature("\"17-ea\"")).contains(17);
        assertThat(JdkFinder.feature("\"\"")).isEmpty();
        assertThat(JdkFinder.feature("nonsense")).isEmpty();
    }

    @Test
    void theNewestJdkAtOrAboveTheMinimumIsChosenFromTheEnvironmentAndTheUsualFolders() throws IOException {
        Path old = jdk(home.resolve("jdk-17"), "17.0.15");
        Path sdkman = jdk(home.resolve(".sdkman/candidates/java/21.0.5-tem"), "21.0.5");
        Path intellij = jdk(home.resolve(".jdks/openjdk-23"), "23.0.1");
        Path notAJdk = home.resolve("jdk-99");
        Files.createDirectories(notAJdk);
        JdkFinder finder = new JdkFinder(Map.of("JAVA_HOME", old.toString(), "JAVA99_HOME", notAJdk.toString()), home.toString());

        assertThat(finder.candidates()).contains(old, sdkman, intellij, notAJdk);
        assertThat(finder.newest(21)).hasValueSatisfying(found -> {
            assertThat(found.version()).isGreaterThanOrEqualTo(23); // a newer JDK in /usr/lib/jvm may win
            assertThat(Files.isRegularFile(found.java())).isTrue();
        });
        assertThat(new JdkFinder(Map.of("JAVA_HOME", old.toString()), home.toString()).newest(99)).isEmpty();
    }
}
