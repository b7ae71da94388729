package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.config.ConnectionsProperties;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.ops.Switches;
import io.teamsbridge.store.RuntimeSettingRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /msteams admin}: refused to anyone but a Mattermost system admin; for an admin, the
 * service's state, and the switches that take effect without a restart, each after the admin
 * confirms it, stored with who changed it, and seen by another instance's switches at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCommandsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static String admin;
    private static String adminName;

    @BeforeAll
    static void anAdministrator() {
        World world = bridge.world();
        world.awaitSubscription();
        adminName = "root" + System.nanoTime() % 100000;
        admin = bridge.harness().chat().createUser(adminName, adminName + "@example.com", "Ada", "Admin",
                "system_user system_admin", "en");
        bridge.harness().chat().addTeamMember(world.teamId(), admin);
    }

    @Test
    @Order(1)
    void someoneWhoIsNotASystemAdminIsToldItIsForAdministratorsAndNothingChanges() {
        Person user = bridge.world().person("user");

        assertThat(bridge.world().command(user.mattermostUserId(), "admin")).contains("is for Mattermost system administrators");
        assertThat(bridge.world().command(user.mattermostUserId(), "admin notifications off"))
                .contains("is for Mattermost system administrators");
        assertThat(bridge.harness().chat().botPosts(user.mattermostUserId()).toString()).doesNotContain("\"confirm\"");
        assertThat(bridge.harness().bean(Switches.class).notificationsEnabled()).isTrue();
    }

    @Test
    @Order(2)
    void anAdminSeesTheStateOfTheService() {
        String status = bridge.world().command(admin, "admin");

        assertThat(status).contains("Teams notifications: status").containsPattern("Subscription \\| `[^`]+` expires at ")
                .contains("| Connected users | ").contains("no limit (configuration)")
                .contains("| Notifications for everyone | **on** (configuration)")
                .contains("| Allow-list | none: everyone may connect (configuration)")
                .contains("| Inbox | 0 waiting").contains("| Replies from Mattermost | 0 sent in the last 24 hours; 0 waiting |")
                .contains("No problems in the last 24 hours.");
    }

    @Test
    @Order(3)
    void notificationsForEveryoneGoOffAndOnWithoutARestart() {
        World world = bridge.world();
        Person sender = world.person("sender");
        Person recipient = world.connected(world.person("recipient"));
        world.presence(recipient, "Away", "Away");
        String chat = world.chat("oneOnOne", null, sender, recipient);

        assertThat(world.commandConfirmed(admin, "admin notifications off")).contains("now **off** for everyone");
        String quiet = world.say(chat, sender, "<p>while off</p>");
        world.awaitProcessed(chat, quiet);
        assertThat(world.notifications(recipient)).isEmpty();
        assertThat(world.command(recipient.mattermostUserId(), "notifications"))
                .contains("The administrator has turned Teams chat notifications off for everyone");

        assertThat(world.commandConfirmed(admin, "admin notifications on")).contains("now **on** for everyone");
        String heard = world.say(chat, sender, "<p>on again</p>");
        world.awaitProcessed(chat, heard);
        assertThat(world.notifications(recipient)).hasSize(1);
        assertThat(bridge.harness().bean(RuntimeSettingRepository.class).findAll())
                .anySatisfy(s -> assertThat(s.name() + " " + s.value() + " " + s.updatedBy())
                        .isEqualTo("notifications.enabled true @" + adminName + " (" + admin + ")"));
    }

    @Test
    @Order(4)
    void theAllowListDecidesWhoMayConnect() {
        World world = bridge.world();
        Person listed = world.person("listed");
        Person other = world.person("other");

        assertThat(world.commandConfirmed(admin, "admin allow-list add @" + listed.username()))
                .contains("Added to the allow-list: `" + listed.username() + "`");
        assertThat(world.command(other.mattermostUserId(), "connect")).contains("you are not on that list");
        world.connected(listed);
        assertThat(world.command(admin, "admin allow-list")).contains("The allow-list (1): `" + listed.username() + "`")
                .contains("Set by @").contains(adminName);

        assertThat(world.commandConfirmed(admin, "admin allow-list remove " + listed.username()))
                .contains("The allow-list is empty: everyone may connect.");
        world.connected(other);
    }

    @Test
    @Order(5)
    void theConnectionLimitAppliesToTheNextConnect() {
        World world = bridge.world();
        long connected = bridge.harness().bean(io.teamsbridge.store.AccountLinkRepository.class).countActive();

        assertThat(world.commandConfirmed(admin, "admin limit " + connected)).contains("At most **" + connected + "** users");
        assertThat(world.command(world.person("late").mattermostUserId(), "connect"))
                .contains("allows at most " + connected + " connected users");

        assertThat(world.commandConfirmed(admin, "admin limit none")).contains("**no limit**");
        world.connected(world.person("later"));
    }

    @Test
    @Order(6)
    void anotherInstanceSeesTheStoredSwitches() {
        bridge.world().commandConfirmed(admin, "admin limit 500");
        Switches elsewhere = new Switches(bridge.harness().bean(RuntimeSettingRepository.class),
                bridge.harness().bean(NotificationsProperties.class), bridge.harness().bean(ConnectionsProperties.class),
                Clock.systemUTC());

        assertThat(elsewhere.maxUsers()).isEqualTo(500);
        assertThat(elsewhere.notificationsEnabled()).isTrue();
        assertThat(elsewhere.allowList()).isEmpty();
        assertThat(elsewhere.changed(Switches.MAX_USERS)).get().extracting(s -> s.updatedBy()).asString().contains(adminName);
    }

    @Test
    @Order(7)
    void badInputIsExplainedAndChangesNothing() {
        World world = bridge.world();
        assertThat(world.command(admin, "admin limit lots")).contains("`lots` is not a number");
        assertThat(world.command(admin, "admin limit -3")).contains("a number from 1 to");
        assertThat(world.command(admin, "admin allow-list add not/a/name")).contains("Not a Mattermost username or email address");
        assertThat(world.command(admin, "admin notifications maybe")).contains("Usage:");
        assertThat(world.command(admin, "admin frobnicate")).contains("Unknown admin subcommand");
        assertThat(world.command(admin, "admin help")).contains("allow-list add");
        assertThat(bridge.harness().bean(Switches.class).maxUsers()).isEqualTo(500);
        assertThat(List.of(world.command(admin, "help"))).anySatisfy(help -> assertThat(help).contains("admin"));
    }
}
