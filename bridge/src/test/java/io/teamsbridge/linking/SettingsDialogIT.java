package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings dialog through Mattermost's dialog machinery: opened by {@code /msteams settings}
 * or the Settings button, submitted valid or invalid, and refused when forged.
 */
class SettingsDialogIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private World world() {
        return bridge.world();
    }

    private NotificationPreferences preferences() {
        return bridge.harness().bean(NotificationPreferences.class);
    }

    private JsonNode onlyDialog(String userId) {
        List<JsonNode> dialogs = bridge.harness().chat().dialogs(userId);
        assertThat(dialogs).hasSize(1);
        return dialogs.getFirst();
    }

    private static Map<String, JsonNode> elements(JsonNode dialog) {
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        dialog.path("dialog").path("elements").forEach(e -> byName.put(e.path("name").asString(), e));
        return byName;
    }

    @Test
    void theCommandOpensTheDialogWithTheCurrentSettingsAndASubmissionSavesAndIsConfirmed() {
        Person erin = world().connected(world().person("erin"));
        String id = erin.mattermostUserId();
        assertThat(world().command(id, "settings")).as("nothing but the dialog").isEmpty();

        JsonNode dialog = onlyDialog(id);
        assertThat(dialog.path("dialog").path("title").asString()).isEqualTo("Teams notifications");
        Map<String, JsonNode> elements = elements(dialog);
        assertThat(elements.keySet()).containsExactly("notifications", "meeting_chats", "while_busy", "while_dnd", "thread_per_chat");
        assertThat(elements.values()).allSatisfy(e -> {
            assertThat(e.path("type").asString()).isEqualTo("bool");
            assertThat(e.path("display_name").asString().length()).isLessThanOrEqualTo(24);
        });
        assertThat(elements.get("notifications").path("default").asString()).isEqualTo("true");
        assertThat(elements.get("while_busy").path("default").asString()).isEqualTo("false");
        assertThat(elements.get("thread_per_chat").path("default").asString()).isEqualTo("true");

        var result = bridge.harness().chat().submitDialog(dialog.path("id").asString(),
                Map.of("notifications", true, "meeting_chats", false, "while_busy", true, "while_dnd", false, "thread_per_chat", true),
                false);
        assertThat(result.status()).as("%s", result.response()).isEqualTo(200);
        assertThat(result.response().has("errors")).isFalse();
        assertThat(preferences().of(id)).isEqualTo(new UserSettings(true, false, true, false, true));
        assertThat(bridge.harness().chat().dialogs(id)).as("closed").isEmpty();
        assertThat(bridge.harness().chat().botPosts(id).getLast().path("message").asString())
                .contains("settings are saved", "while Teams shows you Away, Offline or Busy", "Meeting chats: **left out**");

        // Opened again, it shows what was saved.
        world().command(id, "settings");
        Map<String, JsonNode> again = elements(onlyDialog(id));
        assertThat(again.get("meeting_chats").path("default").asString()).isEqualTo("false");
        assertThat(again.get("while_busy").path("default").asString()).isEqualTo("true");
    }

    @Test
    void anInvalidSubmissionKeepsTheDialogOpenWithAnErrorUnderEachBadField() {
        Person finn = world().connected(world().person("finn"));
        String id = finn.mattermostUserId();
        world().command(id, "settings");
        JsonNode dialog = onlyDialog(id);

        var result = bridge.harness().chat().submitDialog(dialog.path("id").asString(),
                Map.of("notifications", "perhaps", "meeting_chats", true, "while_busy", 7, "while_dnd", false), false);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.response().path("errors").propertyNames()).containsExactlyInAnyOrder("notifications", "while_busy");
        assertThat(result.response().path("errors").path("notifications").asString()).isEqualTo("Tick the box or leave it empty.");
        assertThat(preferences().of(id)).isEqualTo(UserSettings.DEFAULTS);
        assertThat(bridge.harness().chat().dialogs(id)).as("still open").hasSize(1);
    }

    @Test
    void someoneNotConnectedIsToldToConnectInsteadOfGettingADialog() {
        String id = world().mattermostUser("gina");
        assertThat(world().command(id, "settings")).isEqualTo("You are not connected to Microsoft Teams. Run `/msteams connect` first.");
        assertThat(bridge.harness().chat().dialogs(id)).isEmpty();
    }

    private HttpResponse<String> submit(String userId, String state, Map<String, Object> submission) throws Exception {
        String body = JSON.writeValueAsString(Map.of("type", "dialog_submission", "callback_id", "settings", "state", state,
                "user_id", userId, "channel_id", "", "team_id", "", "submission", submission, "cancelled", false));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + "/mattermost/dialogs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForgedTamperedReplayedOrExpiredSubmissionChangesNothing() throws Exception {
        Person hank = world().connected(world().person("hank"));
        String id = hank.mattermostUserId();
        String attacker = world().mattermostUser("mallory");
        world().command(id, "settings");
        String state = onlyDialog(id).path("dialog").path("state").asString();
        Map<String, Object> off = Map.of("notifications", false, "meeting_chats", false, "while_busy", true, "while_dnd", true);

        assertThat(submit(attacker, state, off).statusCode()).as("another user").isEqualTo(403);
        String[] parts = state.split(":");
        assertThat(submit(attacker, String.join(":", parts[0], attacker, parts[2], parts[3]), off).statusCode())
                .as("the state moved to another user").isEqualTo(403);
        assertThat(submit(id, String.join(":", parts[0], id, "99999999999", parts[3]), off).statusCode())
                .as("a later expiry").isEqualTo(403);
        assertThat(submit(id, "settings:" + id + ":99999999999:AAAA", off).statusCode()).as("a made-up MAC").isEqualTo(403);
        assertThat(submit(id, "", off).statusCode()).as("no state").isEqualTo(403);
        assertThat(preferences().of(id)).isEqualTo(UserSettings.DEFAULTS);

        bridge.harness().clock().advance(Duration.ofMinutes(31));
        HttpResponse<String> expired = submit(id, state, off);
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(expired.body()).contains("open too long");
        assertThat(preferences().of(id)).isEqualTo(UserSettings.DEFAULTS);
    }

    @Test
    void theWelcomeMessagesButtonsOpenTheSettingsAndAskToDisconnectForTheirUserOnly() {
        Person ivy = world().connected(world().person("ivy"));
        String id = ivy.mattermostUserId();
        String other = world().mattermostUser("other");
        JsonNode welcome = bridge.harness().chat().botPosts(id).getFirst();
        String postId = welcome.path("id").asString();

        var pressedByOther = bridge.harness().chat().clickButton(postId, "opensettings", other);
        assertThat(pressedByOther.status()).as("someone else cannot use the button").isNotEqualTo(200);
        assertThat(bridge.harness().chat().dialogs(other)).isEmpty();

        var settings = bridge.harness().chat().clickButton(postId, "opensettings", id);
        assertThat(settings.status()).as("%s", settings.response()).isEqualTo(200);
        assertThat(elements(onlyDialog(id)).keySet()).contains("notifications", "while_dnd");
        assertThat(bridge.harness().chat().botPosts(id).getFirst().path("message").asString())
                .as("the welcome message stays").startsWith("#### You're connected");

        var disconnect = bridge.harness().chat().clickButton(postId, "askdisconnect", id);
        assertThat(disconnect.status()).isEqualTo(200);
        assertThat(world().lastConfirmation(id).path("message").asString()).contains("Disconnect your Microsoft Teams account");
        assertThat(bridge.harness().bean(io.teamsbridge.store.AccountLinkRepository.class).findByMattermostUser(id))
                .as("not before the confirmation").isPresent();
        assertThat(world().confirm(id)).startsWith("Disconnected.");
    }

    /** The newest private reply to the user that carries a button with this id. */
    private static JsonNode replyWithButton(String userId, String actionId) {
        List<JsonNode> replies = bridge.harness().chat().ephemeralPosts(userId);
        for (int i = replies.size() - 1; i >= 0; i--) {
            for (JsonNode attachment : replies.get(i).path("props").path("attachments")) {
                for (JsonNode action : attachment.path("actions")) {
                    if (action.path("id").asString().equals(actionId)) {
                        return replies.get(i);
                    }
                }
            }
        }
        throw new AssertionError("no private reply to " + userId + " has the button " + actionId);
    }

    @Test
    void theStatusRepliesButtonsWorkOnThePrivateReply() {
        Person kim = world().connected(world().person("kim"));
        String id = kim.mattermostUserId();
        world().command(id, "status");

        var settings = bridge.harness().chat().clickButton(replyWithButton(id, "opensettings").path("id").asString(), "opensettings", id);

        assertThat(settings.status()).as("%s", settings.response()).isEqualTo(200);
        assertThat(elements(onlyDialog(id)).keySet()).contains("notifications", "meeting_chats", "while_busy", "while_dnd");

        String stranger = world().mattermostUser("stranger");
        world().command(stranger, "status");
        JsonNode offer = replyWithButton(stranger, "connect");
        int before = bridge.harness().chat().ephemeralPosts(stranger).size();
        var connect = bridge.harness().chat().clickButton(offer.path("id").asString(), "connect", stranger);

        assertThat(connect.status()).isEqualTo(200);
        List<JsonNode> after = bridge.harness().chat().ephemeralPosts(stranger);
        assertThat(after.subList(before, after.size())).as("a connect link, shown only to them")
                .anySatisfy(p -> assertThat(p.path("message").asString()).contains("/connect?state="));
    }
}
