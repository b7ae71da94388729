package io.teamsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Every Microsoft cloud's hosts, as an administrator selects them with {@code microsoft.cloud}:
 * sign-in, Graph, the Teams links and the token issuers follow the setting, and each can be
 * overridden on its own. The hosts are Microsoft's national-cloud deployment list.
 */
class MicrosoftCloudTest {
    private static final String TENANT = "e61ef81e-8bd8-476a-92e8-4a62f8426fca";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "global,     https://login.microsoftonline.com, https://graph.microsoft.com/v1.0, https://teams.microsoft.com, https://sts.windows.net",
            "usgov-high, https://login.microsoftonline.us,  https://graph.microsoft.us/v1.0, https://gov.teams.microsoft.us, https://sts.windows.net",
            "usgov-dod,  https://login.microsoftonline.us,  https://dod-graph.microsoft.us/v1.0, https://dod.teams.microsoft.us, https://sts.windows.net",
            "china,      https://login.chinacloudapi.cn,    https://microsoftgraph.chinacloudapi.cn/v1.0, https://teams.microsoftonline.cn, https://sts.chinacloudapi.cn"
    })
    void eachCloudHasItsOwnHosts(String cloud, String login, String graph, String teams, String v1Issuer) {
        MicrosoftProperties properties = bind(Map.of("microsoft.cloud", cloud));

        assertThat(properties.authorityBase()).isEqualTo(login);
        assertThat(properties.graphBase()).isEqualTo(graph);
        assertThat(properties.teamsWebBase()).isEqualTo(teams);
        assertThat(properties.cloud().graphHost() + "/.default").as("the app token's scope")
                .isEqualTo(graph.replace("/v1.0", "") + "/.default");
        assertThat(properties.cloud().tokenIssuers(TENANT.toUpperCase()))
                .containsExactly(v1Issuer + "/" + TENANT + "/", login + "/" + TENANT + "/v2.0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"global", "usgov-high", "usgov-dod", "china"})
    void eachHostCanBeOverridden(String cloud) {
        MicrosoftProperties properties = bind(Map.of("microsoft.cloud", cloud,
                "microsoft.authority-url", "https://login.example.test/",
                "microsoft.graph-url", "https://graph.example.test/v1.0",
                "microsoft.teams-url", "https://teams.example.test"));

        assertThat(properties.authorityBase()).isEqualTo("https://login.example.test");
        assertThat(properties.graphBase()).isEqualTo("https://graph.example.test/v1.0");
        assertThat(properties.teamsWebBase()).isEqualTo("https://teams.example.test");
    }

    private static MicrosoftProperties bind(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("microsoft.tenant-id", TENANT);
        all.put("microsoft.client-id", "66666666-7777-8888-9999-000000000000");
        all.put("microsoft.client-secret", "not-a-secret");
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("microsoft", MicrosoftProperties.class);
    }
}
