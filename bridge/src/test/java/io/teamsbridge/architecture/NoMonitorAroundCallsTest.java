package io.teamsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code that calls Microsoft and Mattermost runs on virtual threads. On JDK 21 to 23 a virtual
 * thread that blocks inside a {@code synchronized} method or block pins its carrier, and a few slow
 * identity or Mattermost calls then stall the webhook past Graph's 3 seconds. So the packages that
 * make those calls use {@code ReentrantLock} (or no lock across the call), never a monitor; and no
 * map's {@code computeIfAbsent} may make a call (it holds the bin's monitor while it runs).
 */
class NoMonitorAroundCallsTest {
    private static final Path SOURCES = Path.of("src/main/java/io/teamsbridge");
    private static final List<String> CALLING_PACKAGES = List.of("microsoft", "mattermost", "http", "linking", "notify");
    private static final Pattern SYNCHRONIZED = Pattern.compile("\\bsynchronized\\b");
    /** A computeIfAbsent whose mapping function reaches a client (an HTTP call) before the statement ends. */
    private static final Pattern CALL_IN_COMPUTE = Pattern.compile("computeIfAbsent\\([^;]*->[^;]*\\b(client|graph|http|identity|mattermost)\\.");

    @Test
    void packagesThatCallOutHoldNoMonitor() throws IOException {
        for (String pkg : CALLING_PACKAGES) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String code = withoutComments(Files.readString(file));
                    assertThat(SYNCHRONIZED.matcher(code).find()).as("%s uses synchronized", file).isFalse();
                    assertThat(CALL_IN_COMPUTE.matcher(code).find()).as("%s calls out inside computeIfAbsent", file).isFalse();
                }
            }
        }
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
