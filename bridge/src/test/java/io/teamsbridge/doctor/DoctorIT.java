package io.teamsbridge.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.TestDatabase;
import io.teamsbridge.testing.World;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code doctor} against a running installation (the emulators, a database, the service): every
 * check passes; then, one fault at a time, the right item fails with its fix and the exit code is
 * not 0. The same checks ran at the service's start and were logged. H2 pass only: the database
 * check is the same query on both.
 */
class DoctorIT {
    private static BridgeHarness harness;

    record Run(int exitCode, String output) {}

    @BeforeAll
    static void start() {
        assumeTrue("h2".equals(TestDatabase.selectedKind()), "the checks do not depend on the database (runs in the H2 pass)");
        harness = BridgeHarness.start(Map.of("bridge.check-at-start", "true"), false);
        new World(harness).awaitSubscription();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aGoodSetupPassesEveryCheck() {
        Run run = doctor(Map.of("microsoft.client-secret-expires", LocalDate.now().plusYears(1).toString()));
        System.out.print(run.output());

        assertThat(run.output()).contains("All checks passed.");
        assertThat(run.exitCode()).as(run.output()).isZero();
        for (String check : List.of("Configuration", "Database", "Mattermost bot token", "Mattermost direct messages", "Mattermost users' emails",
                "Mattermost slash commands", "Mattermost WebSocket", "Microsoft app token", "Microsoft application permissions", "Public webhook",
                "Graph subscription", "Client secret", "Notification certificate")) {
            assertThat(run.output()).as(run.output()).containsPattern("(?m)^PASS  " + java.util.regex.Pattern.quote(check) + " ");
        }
        assertThat(run.output()).contains("granted: Chat.Read.All, Presence.Read.All");
    }

    @Test
    void aMissingApplicationPermissionIsNamedWithWhereToGrantIt() {
        harness.teams().revokeApplicationPermission("Presence.Read.All");
        try {
            Run run = doctor(Map.of());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output()).containsPattern("(?m)^FAIL  Microsoft application permissions +missing: Presence.Read.All$");
            assertThat(run.output()).contains("API permissions > Add a permission > Microsoft Graph > Application permissions, "
                    + "add Presence.Read.All, then choose Grant admin consent");
        } finally {
            harness.teams().grantApplicationPermission("Presence.Read.All");
        }
    }

    @Test
    void aWrongBotTokenFailsTheMattermostCheck() {
        Run run = doctor(Map.of("mattermost.bot-token", "wrong-token"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern("(?m)^FAIL  Mattermost bot token +not accepted by .* \\(401\\)$");
        assertThat(run.output()).contains("set mattermost.bot-token to it");
        assertThat(run.output()).containsPattern("(?m)^FAIL  Mattermost WebSocket +the bot could not listen at ws://");
        assertThat(run.output()).containsPattern("(?m)^PASS  Microsoft app token ");
    }

    @Test
    void anUnreachablePublicUrlFailsTheWebhookCheck() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = doctor(Map.of("bridge.public-url", "http://127.0.0.1:" + closed));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern("(?m)^FAIL  Public webhook +http://127.0.0.1:" + closed + " cannot be reached");
        assertThat(run.output()).contains("bridge.public-url must reach this service");
    }

    @Test
    void aDatabaseThatDoesNotExistIsReportedAndNotCreated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path missing = dir.resolve("nowhere");
        Run run = doctor(Map.of("spring.datasource.url", "jdbc:h2:file:" + missing + ";DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username", "sa", "spring.datasource.password", ""));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern("(?m)^FAIL  Database +there is no database at jdbc:h2:file:");
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.toList()).as("nothing created").isEmpty();
        }
    }

    @Test
    void anIncompleteConfigurationIsNamedSettingBySetting() {
        Run run = doctor(Map.of("microsoft.client-id", "", "bridge.public-url", "not a url"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL  Configuration").contains("microsoft.client-id is missing");
    }

    @Test
    void theSameChecksRanAtStartAndWereLogged() {
        StartupChecks atStart = harness.bean(StartupChecks.class);
        List<Finding> findings = await().atMost(Duration.ofSeconds(20)).until(atStart::last, f -> !f.isEmpty());

        assertThat(findings).extracting(Finding::check).contains("Database", "Mattermost bot token", "Microsoft application permissions",
                "Public webhook", "Graph subscription");
        assertThat(findings).filteredOn(f -> f.status() == Finding.Status.FAIL).isEmpty();
        assertThat(findings).filteredOn(f -> f.check().equals("Client secret"))
                .singleElement().extracting(Finding::status).isEqualTo(Finding.Status.WARN);
    }

    private static Run doctor(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(harness.bridgeProperties());
        settings.putAll(overrides);
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = DoctorCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
