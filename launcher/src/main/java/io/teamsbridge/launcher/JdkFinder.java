package io.teamsbridge.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds installed JDKs where people and package managers put them: {@code JAVA_HOME},
 * {@code JAVA<n>_HOME}, and the install folders of Linux packages, macOS, SDKMAN, IntelliJ and
 * Gradle. A JDK is a folder with {@code bin/java} and a {@code release} file naming its version.
 */
final class JdkFinder {
    record Jdk(Path home, int version) {
        Path java() {
            Path unix = home.resolve("bin").resolve("java");
            return Files.isRegularFile(unix) ? unix : home.resolve("bin").resolve("java.exe");
        }
    }

    private final Map<String, String> env;
    private final String userHome;

    JdkFinder(Map<String, String> env, String userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    /** The newest JDK at or above {@code minimum}, if any. */
    Optional<Jdk> newest(int minimum) {
        return candidates().stream().map(JdkFinder::describe).flatMap(Optional::stream)
                .filter(jdk -> jdk.version() >= minimum)
                .max(Comparator.comparingInt(Jdk::version));
    }

    List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        env.forEach((name, value) -> {
            if (name.equals("JAVA_HOME") || name.matches("JAVA\\d+_HOME")) {
                homes.add(Path.of(value));
            }
        });
        for (String parent : List.of("/usr/lib/jvm", "/usr/java", "/usr/local/java", "/opt/java", "/opt",
                "/Library/Java/JavaVirtualMachines")) {
            children(Path.of(parent)).forEach(homes::add);
        }
        children(Path.of("/Library/Java/JavaVirtualMachines")).forEach(dir -> homes.add(dir.resolve("Contents/Home")));
        if (userHome != null) {
            for (String parent : List.of(".sdkman/candidates/java", ".jdks", ".gradle/jdks", "Library/Java/JavaVirtualMachines")) {
                children(Path.of(userHome, parent)).forEach(dir -> {
                    homes.add(dir);
                    homes.add(dir.resolve("Contents/Home"));
                });
            }
        }
        return homes;
    }

    /** The JDK in this folder, from its {@code release} file, if it is one. */
    static Optional<Jdk> describe(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !(Files.isRegularFile(home.resolve("bin/java"))
                || Files.isRegularFile(home.resolve("bin/java.exe")))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return feature(properties.getProperty("JAVA_VERSION", "")).map(version -> new Jdk(home, version));
    }

    /** The feature release of a version string such as {@code "25.0.1"}, {@code "21"} or {@code "1.8.0_402"}. */
    static Optional<Integer> feature(String quoted) {
        String version = quoted.replace("\"", "").trim();
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(version.substring(0, end)));
    }

    private static List<Path> children(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(parent)) {
            return list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
