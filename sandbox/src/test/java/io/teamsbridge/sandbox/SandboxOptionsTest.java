package io.teamsbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxOptionsTest {

    @Test
    void withoutOptionsTheSandboxUsesItsDefaultsAndNoBridgeSettings() {
        SandboxOptions options = SandboxOptions.parse();

        assertThat(options.portBridge()).isEqualTo(8080);
        assertThat(options.portMattermost()).isEqualTo(8065);
        assertThat(options.portMicrosoft()).isEqualTo(8066);
        assertThat(options.seed()).isTrue();
        assertThat(options.settings()).isEmpty();
    }

    @Test
    void theSandboxsOwnOptionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        SandboxOptions options = SandboxOptions.parse("--port-bridge", "0", "--port-mattermost=1", "--no-seed",
                "--ready-file=ready.json", "--db-url", "jdbc:h2:mem:x");

        assertThat(options.portBridge()).isZero();
        assertThat(options.portMattermost()).isEqualTo(1);
        assertThat(options.seed()).isFalse();
        assertThat(options.readyFile()).contains(Path.of("ready.json"));
        assertThat(options.dbUrl()).contains("jdbc:h2:mem:x");
        assertThat(options.settings()).isEmpty();
    }

    @Test
    void anyOtherNameEqualsValueIsABridgeSettingInTheOrderGiven() {
        SandboxOptions options = SandboxOptions.parse("--microsoft.subscription.mode=per-user", "--port-bridge", "0",
                "--spring.datasource.url=jdbc:h2:mem:x;MODE=PostgreSQL", "--connections.allow-list=");

        assertThat(options.portBridge()).isZero();
        assertThat(options.settings()).containsExactly(entry("microsoft.subscription.mode", "per-user"),
                entry("spring.datasource.url", "jdbc:h2:mem:x;MODE=PostgreSQL"), entry("connections.allow-list", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"microsoft.subscription.billingModel", "microsoft.subscription.billing_model",
            "connections.allow-list[0]", "logging.level.io.teamsbridge", "logging.level.[io.teamsbridge.notify]",
            "bridge.encryption-key", "microsoft.cloud", "x"})
    void settingNamesInAnySpellingSpringBindsAreAccepted(String name) {
        assertThat(SandboxOptions.parse("--" + name + "=v").settings()).containsExactly(entry(name, "v"));
    }

    @Test
    void theLastSpellingOfTheSamePropertyWins() {
        SandboxOptions options = SandboxOptions.parse("--mattermost.command-sync-interval=1s",
                "--notifications.presence-cache-ttl=1m", "--mattermost.commandSyncInterval=2s");

        assertThat(options.settings()).containsExactly(entry("notifications.presence-cache-ttl", "1m"),
                entry("mattermost.commandSyncInterval", "2s"));
    }

    @Test
    void theBridgeGetsTheSandboxsSettingsWithTheUsersOverThemUnderAnySpelling() {
        Map<String, String> sandbox = new LinkedHashMap<>();
        sandbox.put("server.port", "8080");
        sandbox.put("mattermost.command-sync-interval", "5s");
        sandbox.put("notifications.presence-cache-ttl", "0s");
        sandbox.put("spring.datasource.url", "jdbc:h2:file:/tmp/x");

        Map<String, String> bridge = SandboxOptions.parse("--mattermost.commandSyncInterval=30s",
                "--notifications.presence-cache-ttl=1m", "--spring.datasource.url=jdbc:postgresql://db/bridge",
                "--microsoft.subscription.mode=per-user").bridgeSettings(sandbox);

        assertThat(bridge).containsExactly(entry("server.port", "8080"),
                entry("mattermost.commandSyncInterval", "30s"), entry("notifications.presence-cache-ttl", "1m"),
                entry("spring.datasource.url", "jdbc:postgresql://db/bridge"),
                entry("microsoft.subscription.mode", "per-user"));
        assertThat(sandbox).containsEntry("mattermost.command-sync-interval", "5s");
    }

    @Test
    void withoutUserSettingsTheBridgeGetsExactlyTheSandboxs() {
        Map<String, String> sandbox = Map.of("server.port", "8080");

        assertThat(SandboxOptions.parse("--no-seed").bridgeSettings(sandbox)).isEqualTo(sandbox);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--server.port=9090", "--SERVER.PORT=9090", "--server.address=0.0.0.0",
            "--bridge.public-url=https://bridge.example.com", "--mattermost.url=https://chat.example.com",
            "--mattermost.botToken=s3cret", "--microsoft.tenant-id=t", "--microsoft.client-id=c",
            "--microsoft.client_secret=s3cret", "--microsoft.authority-url=https://login.example.com",
            "--microsoft.graphUrl=https://graph.example.com/v1.0"})
    void settingsThatWireTheBridgeToTheEmulatorsAreRefused(String arg) {
        String name = arg.substring(0, arg.indexOf('='));

        assertThatThrownBy(() -> SandboxOptions.parse(arg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " cannot be set in the sandbox: ").hasMessageEndingWith(SandboxOptions.USAGE)
                .message().doesNotContain(arg);
    }

    @Test
    void aRefusedSecretIsNotRepeatedInTheMessage() {
        assertThatThrownBy(() -> SandboxOptions.parse("--microsoft.client-secret=s3cret")).message().doesNotContain("s3cret");
    }

    @Test
    void theBridgesPortIsRefusedWithAPointerToPortBridge() {
        assertThatThrownBy(() -> SandboxOptions.parse("--server.port=9090")).hasMessageContaining("use --port-bridge");
    }

    @Test
    void anUnknownOptionWithoutAValueIsRefusedAndDoesNotTakeTheNextArgument() {
        assertThatThrownBy(() -> SandboxOptions.parse("--microsoft.subscription.mode", "per-user"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown option --microsoft.subscription.mode (a bridge setting is given as --name=value).")
                .hasMessageEndingWith(SandboxOptions.USAGE);
        assertThatThrownBy(() -> SandboxOptions.parse("--seed")).hasMessageStartingWith("Unknown option --seed ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"per-user", "-x", "microsoft.subscription.mode=per-user"})
    void anArgumentThatIsNoOptionIsRefused(String arg) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;

        assertThatThrownBy(() -> SandboxOptions.parse(arg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown option " + name + " ").hasMessageEndingWith(SandboxOptions.USAGE);
    }

    @Test
    void anEmptySettingNameIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse("--=per-user")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("An option --=value names no setting").hasMessageEndingWith(SandboxOptions.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--foo$bar=1", "--foo bar=1", "--foo..bar=1", "--.foo=1", "--foo.=1", "---foo=1",
            "--foo[=1", "--foo[]=1", "--foo/bar=1", "--fö=1"})
    void aNameSpringCouldNotBindIsRefused(String arg) {
        String name = arg.substring(0, arg.indexOf('='));

        assertThatThrownBy(() -> SandboxOptions.parse(arg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " is not a setting name: ").hasMessageEndingWith(SandboxOptions.USAGE);
    }

    @Test
    void aSandboxOptionStillNeedsItsValue() {
        assertThatThrownBy(() -> SandboxOptions.parse("--db-url")).hasMessageStartingWith("--db-url needs a value.");
    }

    @Test
    void theUsageExplainsBridgeSettings() {
        assertThat(SandboxOptions.USAGE).contains("--name=value").contains("--microsoft.subscription.mode=per-user");
        assertThatThrownBy(() -> SandboxOptions.parse("--help")).hasMessage(SandboxOptions.USAGE);
    }
}
