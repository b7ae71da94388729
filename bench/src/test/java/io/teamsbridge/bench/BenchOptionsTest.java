package io.teamsbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void theBridgeRunsWithTheFlagsTheReadmeGivesPlusAnyAdded() {
        BenchOptions defaults = BenchOptions.parse(new String[0]);
        BenchOptions more = BenchOptions.parse(new String[] {"--bridge-jvm-flag", "-XX:+UseG1GC"});

        assertThat(defaults.jvmFlags()).isEqualTo(BenchOptions.README_JVM_FLAGS);
        assertThat(more.jvmFlags()).startsWith(BenchOptions.README_JVM_FLAGS.toArray(String[]::new)).endsWith("-XX:+UseG1GC");
        assertThat(defaults.sendOverHttp()).isFalse();
        assertThat(BenchOptions.parse(new String[] {"--send", "http"}).sendOverHttp()).isTrue();
    }

    @Test
    void theReadmeRunsTheBridgeWithThoseFlags() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(readme).contains("java " + String.join(" ", BenchOptions.README_JVM_FLAGS) + " -jar bridge/target/teams-bridge.jar");
    }

    @Test
    void theDefaultRunMeasuresAWarmBridgeAtThreeHundredPerSecondAndRampStepsLastAMinute() {
        BenchOptions defaults = BenchOptions.parse(new String[0]);
        BenchOptions ramp = BenchOptions.parse(new String[] {"--ramp"});

        assertThat(defaults.rate()).isEqualTo(300);
        assertThat(defaults.warmup()).isEqualTo(240);
        assertThat(ramp.warmup()).isEqualTo(60);
        assertThat(BenchOptions.parse(new String[] {"--scenario", "realistic"}).warmup()).isEqualTo(120);
        assertThat(BenchOptions.parse(new String[] {"--scenario", "realistic", "--ramp"}).warmup()).isEqualTo(60);
        assertThat(BenchOptions.parse(new String[] {"--scenario", "burst"}).warmup()).isEqualTo(60);
        assertThat(BenchOptions.parse(new String[] {"--warmup", "10"}).warmup()).isEqualTo(10);
        assertThat(defaults.steady()).isTrue();
        assertThat(ramp.steady()).isFalse();
        assertThat(BenchOptions.parse(new String[] {"--scenario", "realistic"}).steady()).isFalse();
        assertThat(defaults.duration()).isEqualTo(30);
        assertThat(ramp.duration()).isEqualTo(60);
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--ramp", "--duration", "20"}))
                .hasMessageContaining("at least 60 s");
        assertThat(BenchOptions.parse(new String[] {"--scenario", "cold-start"}).scenario()).isEqualTo("cold-start");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--send", "pigeon"})).hasMessageContaining("--send");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenario", "quiet"})).hasMessageContaining("--scenario");
    }
}
