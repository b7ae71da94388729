package io.teamsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigurationFailureAnalyzerTest {
    @Test
    void settingNamesAreWrittenAsAdministratorsWriteThem() {
        assertThat(ConfigurationErrors.kebab("publicUrl")).isEqualTo("public-url");
        assertThat(ConfigurationErrors.kebab("subscription.billingModel")).isEqualTo("subscription.billing-model");
        assertThat(ConfigurationErrors.kebab("previousEncryptionKeys[0]")).isEqualTo("previous-encryption-keys[0]");
    }
}
