package io.teamsbridge.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.BridgeApplication;
import io.teamsbridge.emulators.mattermost.MattermostEmulator;
import io.teamsbridge.emulators.mattermost.MattermostEmulatorOptions;
import io.teamsbridge.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The bot token is checked at start: a rejected one stops the service with one clear line. */
@ExtendWith(OutputCaptureExtension.class)
class BotTokenCheckIT {

    private static String[] args(String mattermostUrl, String token) {
        Map<String, String> p = new LinkedHashMap<>(TestDatabase.create().properties());
        p.put("server.port", "0");
        p.put("bridge.public-url", "http://127.0.0.1:1");
        p.put("bridge.encryption-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        p.put("mattermost.url", mattermostUrl);
        p.put("mattermost.bot-token", token);
        p.put("microsoft.tenant-id", "tenant");
        p.put("microsoft.client-id", "client");
        p.put("microsoft.client-secret", "secret");
        return p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Test
    void aBotTokenMattermostRejectsStopsTheServiceNamingTheSetting(CapturedOutput output) {
        try (MattermostEmulator mattermost = MattermostEmulator.start(MattermostEmulatorOptions.defaults())) {
            assertThatThrownBy(() -> SpringApplication.run(BridgeApplication.class,
                    args(mattermost.baseUrl().toString(), "wrongtokenwrongtokenwrongt"))).isInstanceOf(Exception.class);
            assertThat(output.getAll())
                    .contains("Configuration error: mattermost.bot-token was rejected by Mattermost at " + mattermost.baseUrl()
                            + " (401 api.context.session_expired.app_error)")
                    .doesNotContain("wrongtokenwrongtokenwrongt");
        }
    }

    @Test
    void anUnreachableMattermostDoesNotStopTheService(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(BridgeApplication.class,
                args("http://127.0.0.1:9", "sometoken"))) {
            assertThat(context.isRunning()).isTrue();
            assertThat(output.getAll()).contains("Mattermost at http://127.0.0.1:9 could not be checked at start");
        }
    }
}
