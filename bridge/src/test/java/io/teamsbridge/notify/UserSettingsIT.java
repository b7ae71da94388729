package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the settings dialog's choices change about who is notified, and the decisions
 * {@code /msteams status} then lists: delivered, or the reason not.
 */
class UserSettingsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static World world;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
    }

    private static Map<String, Object> choose(boolean notifications, boolean meetingChats, boolean whileBusy, boolean whileDnd) {
        return Map.of("notifications", notifications, "meeting_chats", meetingChats, "while_busy", whileBusy, "while_dnd", whileDnd);
    }

    private static int delivered(String chat, Person from, Person to, String text) {
        String message = world.say(chat, from, "<p>" + text + "</p>");
        world.awaitProcessed(chat, message);
        return (int) world.notifications(to).stream().filter(p -> p.path("message").asString().contains(text)).count();
    }

    @Test
    void busyAndDoNotDisturbHoldNotificationsBackUnlessTheUserChoseOtherwise() {
        Person sender = world.person("pat");
        Person busy = world.connected(world.person("busy"));
        String chat = world.chat("oneOnOne", null, sender, busy);

        world.presence(busy, "Busy", "InAMeeting");
        assertThat(delivered(chat, sender, busy, "first while busy")).isZero();
        world.settings(busy, choose(true, true, true, false));
        assertThat(delivered(chat, sender, busy, "second while busy")).isOne();

        world.presence(busy, "DoNotDisturb", "Presenting");
        assertThat(delivered(chat, sender, busy, "while presenting")).isZero();
        world.settings(busy, choose(true, true, true, true));
        assertThat(delivered(chat, sender, busy, "presenting again")).isOne();

        world.presence(busy, "Available", "Available");
        assertThat(delivered(chat, sender, busy, "while available")).as("Available always holds back").isZero();

        String status = world.command(busy.mattermostUserId(), "status");
        assertThat(status).contains("| When | Chat | From | Notification |")
                .contains("| 1:1 chat with pat")
                .contains("not sent: you were active in Teams as Available")
                .contains("not sent: you were active in Teams as Do not disturb")
                .contains("not sent: you were active in Teams as Busy")
                .contains("| delivered |");
        assertThat(status.indexOf("as Available")).as("newest first").isLessThan(status.indexOf("as Busy"));
    }

    @Test
    void aMessageNobodyInTheChatCouldBeToldOfIsListedWithoutOpeningIt() {
        Person sender = world.person("robin");
        Person here = world.connected(world.person("here"));
        String chat = world.chat("oneOnOne", null, sender, here);

        world.presence(here, "Away", "Away");
        assertThat(delivered(chat, sender, here, "while away")).isOne();
        world.presence(here, "Available", "Available");
        assertThat(delivered(chat, sender, here, "while here")).isZero();

        // Read only when someone could be told: the writer of the second is not known, the first's is.
        String status = world.command(here.mattermostUserId(), "status");
        assertThat(status).containsPattern("\\| 1:1 chat with robin\\d* Teams \\| — \\| not sent: you were active in Teams as Available")
                .containsPattern("\\| 1:1 chat with robin\\d* Teams \\| robin\\d* Teams \\| delivered \\|");
    }

    @Test
    void meetingChatsCanBeLeftOutAndTheDecisionSaysSo() {
        Person host = world.person("host");
        Person away = world.connected(world.person("awaymeet"));
        world.presence(away, "Away", "Away");
        String meeting = world.chat("meeting", "Planning", host, away);
        String group = world.chat("group", "Lunch", host, away);

        assertThat(delivered(meeting, host, away, "meeting one")).isOne();
        world.settings(away, choose(true, false, false, false));
        assertThat(delivered(meeting, host, away, "meeting two")).isZero();
        assertThat(delivered(group, host, away, "group still")).isOne();

        assertThat(world.command(away.mattermostUserId(), "status"))
                .contains("| meeting chat Planning | host")
                .contains("not sent: meeting chats were off")
                .contains("| group chat Lunch | host")
                .contains("Meeting chats: **left out**");
    }

    @Test
    void notificationsOffIsAReasonAndTheUsersOwnMessagesAreNotListed() {
        Person other = world.connected(world.person("talker"));
        Person quiet = world.connected(world.person("quietone"));
        world.presence(other, "Away", "Away");
        world.presence(quiet, "Away", "Away");
        String chat = world.chat("group", null, other, quiet);
        world.settings(quiet, choose(false, true, false, false));

        assertThat(delivered(chat, other, quiet, "hello quiet")).isZero();
        assertThat(delivered(chat, quiet, other, "quiet writes")).isOne();

        String status = world.command(quiet.mattermostUserId(), "status");
        assertThat(status).containsPattern("\\| group chat with talker\\d* Teams \\| talker\\d* Teams \\|")
                .contains("not sent: your notifications were off")
                .contains("Chat notifications: **off**");
        assertThat(status.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| When"))).as("only talker's message").hasSize(1);
    }
}
