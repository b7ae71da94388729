package io.teamsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.BridgeApplication;
import io.teamsbridge.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A missing or malformed required setting stops the service with one line naming the setting. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {

    private static Map<String, String> valid() {
        Map<String, String> p = new LinkedHashMap<>(TestDatabase.h2().properties());
        p.put("server.port", "0");
        p.put("bridge.public-url", "https://bridge.example.com");
        p.put("bridge.encryption-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        p.put("mattermost.url", "http://127.0.0.1:9");
        p.put("mattermost.bot-token", "token");
        p.put("microsoft.tenant-id", "tenant");
        p.put("microsoft.client-id", "client");
        p.put("microsoft.client-secret", "secret");
        return p;
    }

    private static void run(Map<String, String> properties) {
        new SpringApplication(BridgeApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @Test
    void aMissingPublicUrlStopsTheServiceNamingTheSetting(CapturedOutput output) {
        Map<String, String> p = valid();
        p.remove("bridge.public-url");
        assertThatThrownBy(() -> run(p)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .containsPattern("Configuration error: bridge\\.public-url is missing: set it to the public https address[^\\n]*\\n");
    }

    @Test
    void aMalformedEncryptionKeyStopsTheServiceNamingTheSetting(CapturedOutput output) {
        Map<String, String> p = valid();
        p.put("bridge.encryption-key", "not-a-key");
        assertThatThrownBy(() -> run(p)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Configuration error: bridge.encryption-key must be 32 random bytes in base64")
                .doesNotContain("not-a-key");
    }

    @Test
    void aMalformedUrlStopsTheServiceNamingTheSetting(CapturedOutput output) {
        Map<String, String> p = valid();
        p.put("mattermost.url", "chat.example.com");
        assertThatThrownBy(() -> run(p)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Configuration error: mattermost.url must be an absolute http or https URL");
    }

    @Test
    void anUnknownCloudStopsTheServiceNamingTheSetting(CapturedOutput output) {
        Map<String, String> p = valid();
        p.put("microsoft.cloud", "mars");
        assertThatThrownBy(() -> run(p)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("Configuration error: microsoft.cloud has an invalid value 'mars'");
    }

    @Test
    void aCommitLingerBeyondItsBoundsStopsTheServiceNamingTheSetting(CapturedOutput output) {
        Map<String, String> p = valid();
        p.put("notifications.commit-linger", "5s"); // the answer to Graph must come within its 3 s
        assertThatThrownBy(() -> run(p)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("Configuration error: notifications.commit-linger");
    }

    @Test
    void aBatchLingerBeyondItsBoundsStopsTheServiceNamingTheSetting(CapturedOutput output) {
        Map<String, String> p = valid();
        p.put("notifications.batch-linger", "2s"); // every notification would wait that long before its batch
        assertThatThrownBy(() -> run(p)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("Configuration error: notifications.batch-linger");
    }

    @Test
    void aMissingBotTokenStopsTheServiceNamingTheSetting(CapturedOutput output) {
        Map<String, String> p = valid();
        p.remove("mattermost.bot-token");
        assertThatThrownBy(() -> run(p)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("Configuration error: mattermost.bot-token is missing");
    }
}
