package io.teamsbridge.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.linking.NotificationPreferences;
import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every row of the command table in PRODUCT.md, through Mattermost's slash-command execution. */
class SlashCommandsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private World world() {
        return bridge.world();
    }

    private long oauthStates() {
        return bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single();
    }

    @Test
    void helpAloneOrByNameListsTheSubcommands() {
        String user = world().mattermostUser("helpme");
        for (String text : new String[] {"", "help"}) {
            assertThat(world().command(user, text))
                    .contains("/msteams connect", "/msteams disconnect", "/msteams status", "/msteams notifications on",
                            "/msteams help");
        }
    }

    @Test
    void anUnknownSubcommandGetsTheUsageLine() {
        String user = world().mattermostUser("typo");
        assertThat(world().command(user, "conect"))
                .contains("Unknown subcommand `conect`")
                .contains("Usage: `/msteams [help|connect|disconnect|status|settings|notifications [on|off]|mute [list|off]|admin]`");
    }

    @Test
    void wrongArgumentsGetTheRightForm() {
        String user = world().mattermostUser("args");
        assertThat(world().command(user, "connect now")).startsWith("Usage: `/msteams connect`");
        assertThat(world().command(user, "status please")).startsWith("Usage: `/msteams status`");
        assertThat(world().command(user, "disconnect all")).startsWith("Usage: `/msteams disconnect`");
    }

    @Test
    void connectRepliesWithAOneTimeLinkThatExpiresInTenMinutes() {
        Person alice = world().person("alice");
        long before = oauthStates();
        String reply = world().command(alice.mattermostUserId(), "connect");
        assertThat(reply).containsPattern("\\[Connect your Microsoft Teams account\\]\\(http://127\\.0\\.0\\.1:\\d+/connect\\?state=[A-Za-z0-9_-]{43}\\)")
                .contains("expires in 10 minutes");
        assertThat(oauthStates()).isEqualTo(before + 1);
    }

    @Test
    void statusOfSomeoneNotConnectedSaysHowToConnect() {
        String user = world().mattermostUser("lonely");
        assertThat(world().command(user, "status"))
                .isEqualTo("You are not connected to Microsoft Teams. Run `/msteams connect` to connect.");
    }

    @Test
    void statusOfAConnectedUserNamesTheAccountTheDateAndTheNotificationSetting() {
        Person bob = world().connected(world().person("bob"));
        assertThat(world().command(bob.mattermostUserId(), "status"))
                .contains("You are connected to Microsoft Teams as **" + bob.username() + " Teams**")
                .contains("(" + bob.email() + ")")
                .containsPattern("since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
                .contains("notifications are **on**");
    }

    @Test
    void notificationsNeedAConnection() {
        String user = world().mattermostUser("notyet");
        assertThat(world().command(user, "notifications off"))
                .endsWith("You are not connected to Microsoft Teams. Run `/msteams connect` first.");
        assertThat(world().command(user, "notifications"))
                .isEqualTo("You are not connected to Microsoft Teams. Run `/msteams connect` first.");
        assertThat(bridge.harness().bean(NotificationPreferences.class).enabled(user)).isTrue();
    }

    @Test
    void notificationsOffAndOnAreConfirmedStoredAndShown() {
        Person carol = world().connected(world().person("carol"));
        NotificationPreferences preferences = bridge.harness().bean(NotificationPreferences.class);
        String id = carol.mattermostUserId();

        assertThat(world().command(id, "notifications")).contains("notifications are **on**");
        assertThat(world().command(id, "notifications off")).contains("Turn your Teams chat notifications **off**?");
        assertThat(preferences.enabled(id)).as("not before the button is pressed").isTrue();
        assertThat(world().confirm(id)).contains("notifications are **off**");
        assertThat(preferences.enabled(id)).isFalse();
        assertThat(world().command(id, "notifications")).contains("notifications are **off**");
        assertThat(world().commandConfirmed(id, "NOTIFICATIONS On")).contains("notifications are **on**");
        assertThat(preferences.enabled(id)).isTrue();
        assertThat(world().command(id, "notifications status")).contains("notifications are **on**");
        assertThat(world().command(id, "notifications maybe")).startsWith("Usage: `/msteams notifications [on|off|status]`");
        assertThat(preferences.enabled(id)).isTrue();
    }

    @Test
    void disconnectForgetsTheTokensAndSaysSo() {
        Person dave = world().connected(world().person("dave"));
        AccountLinkRepository links = bridge.harness().bean(AccountLinkRepository.class);
        assertThat(links.findByMattermostUser(dave.mattermostUserId())).isPresent();

        assertThat(world().command(dave.mattermostUserId(), "disconnect")).contains("Disconnect your Microsoft Teams account");
        assertThat(links.findByMattermostUser(dave.mattermostUserId())).as("not before the button is pressed").isPresent();
        assertThat(world().confirm(dave.mattermostUserId())).startsWith("Disconnected. Your Microsoft tokens have been deleted");
        assertThat(links.findByMattermostUser(dave.mattermostUserId())).isEmpty();
        assertThat(world().command(dave.mattermostUserId(), "status")).startsWith("You are not connected");
        assertThat(world().command(dave.mattermostUserId(), "disconnect"))
                .endsWith("You are not connected to Microsoft Teams, so there is nothing to disconnect.");
    }

    @Test
    void connectWhileConnectedSaysSoInsteadOfGivingALink() {
        Person erin = world().connected(world().person("erin"));
        assertThat(world().command(erin.mattermostUserId(), "connect"))
                .startsWith("You are already connected to Microsoft Teams as **" + erin.username() + " Teams**")
                .doesNotContain("state=");
    }

    @Test
    void theCommandIsRegisteredInEveryTeamIncludingNewOnes() {
        String newTeam = bridge.harness().chat().createTeam("late-team");
        bridge.harness().bean("commandSyncJob", PeriodicJob.class).runNow();
        for (String team : new String[] {world().teamId(), newTeam}) {
            assertThat(bridge.harness().chat().commands(team))
                    .anySatisfy(command -> {
                        assertThat(command.path("trigger").asString()).isEqualTo("msteams");
                        assertThat(command.path("url").asString()).isEqualTo(bridge.harness().bridgeUrl() + "/mattermost/command");
                        assertThat(command.path("method").asString()).isEqualTo("P");
                        assertThat(command.path("auto_complete_hint").asString()).contains("settings", "admin");
                    });
        }
    }

    @Test
    void aCommandDeletedBySomeoneIsRecreatedAndWorks() {
        String user = world().mattermostUser("recreate");
        String commandId = bridge.harness().chat().commands(world().teamId()).stream()
                .filter(c -> "msteams".equals(c.path("trigger").asString()))
                .findFirst().orElseThrow().path("id").asString();
        bridge.harness().chat().deleteCommand(commandId);
        assertThat(world().commandResult(user, "help").status()).isNotEqualTo(200);

        bridge.harness().bean("commandSyncJob", PeriodicJob.class).runNow();

        assertThat(bridge.harness().chat().commands(world().teamId()))
                .filteredOn(c -> "msteams".equals(c.path("trigger").asString()))
                .singleElement()
                .satisfies(c -> assertThat(c.path("id").asString()).isNotEqualTo(commandId));
        assertThat(world().command(user, "help")).contains("/msteams connect");
    }
}
