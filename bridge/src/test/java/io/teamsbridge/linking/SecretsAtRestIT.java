package io.teamsbridge.linking;

import io.teamsbridge.microsoft.TokenCodec;
import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.TokenSet;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** No access token, refresh token, command token or connect state is stored or logged in plain text. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIT {

    @Test
    void noSecretAppearsInPlainTextInTheDatabaseOrTheLogs(CapturedOutput output) {
        try (BridgeHarness harness = BridgeHarness.start()) {
            World world = new World(harness);
            Person pat = world.person("pat");
            String link = world.connectLink(pat);
            String state = link.substring(link.indexOf("state=") + 6);
            world.followAs(link, pat.teamsUserId());
            harness.clock().advance(Duration.ofMinutes(58));
            harness.bean(UserTokens.class).accessToken(pat.mattermostUserId()); // a refresh, logged as it happens

            AccountLink stored = harness.bean(AccountLinkRepository.class).findByMattermostUser(pat.mattermostUserId()).orElseThrow();
            TokenSet tokens = TokenCodec.decode(harness.bean(SecretVault.class)
                    .open(stored.tokensSealed(), AccountLink.vaultContext(pat.mattermostUserId())));
            String commandToken = harness.chat().commands(world.teamId()).stream()
                    .filter(c -> "msteams".equals(c.path("trigger").asString()))
                    .findFirst().orElseThrow().path("token").asString();
            List<String> secrets = List.of(tokens.accessToken(), tokens.refreshToken(), commandToken, state,
                    harness.bot().token(), harness.microsoft().clientSecret());
            assertThat(secrets).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(15));

            String database = dump(harness.bean(JdbcClient.class));
            assertThat(database).contains(pat.mattermostUserId()); // the dump did read the tables
            for (String secret : secrets) {
                assertThat(database).as("the database").doesNotContain(secret);
                assertThat(output.getAll()).as("the logs").doesNotContain(secret);
            }
        }
    }

    /** Every value in every table of ours, as text. */
    private static String dump(JdbcClient jdbc) {
        List<String> values = new ArrayList<>();
        for (String table : List.of("account_link", "preference", "oauth_state", "team_command")) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                row.values().forEach(v -> values.add(String.valueOf(v)));
            }
        }
        return String.join("\n", values);
    }
}
