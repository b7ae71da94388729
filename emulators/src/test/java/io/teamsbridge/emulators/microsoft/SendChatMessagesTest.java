package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A signed-in user sends chat messages through Graph ({@code POST /chats/{id}/messages}), as the
 * bridge does when it replies from Mattermost; and the control API reads a chat's messages back.
 */
class SendChatMessagesTest {
    /** What the bridge asks for when it replies as the user. */
    static final String SEND_SCOPE = "openid profile offline_access User.Read Chat.Read ChatMessage.Send";

    TeamsWorld world;
    String chat;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
        chat = world.control().createChat("group", "Replies", List.of(world.alice, world.bob));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aMemberSendsAsThemselvesAndGetsTheMessageExactlyAsGetReturnsIt() {
        HttpResponse<String> sent = send(sender(world.bob), text("On my way"));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode created = TestHttp.json(sent);
        String id = created.get("id").stringValue();
        assertThat(created).isEqualTo(world.getJson("/chats/" + chat + "/messages/" + id));
        assertThat(created.get("from").get("user").get("id").stringValue()).isEqualTo(world.bob);
        assertThat(created.get("from").get("user").get("displayName").stringValue()).isEqualTo("Bob Baker");
        assertThat(created.get("body").get("contentType").stringValue()).as("text is the default").isEqualTo("text");
        assertThat(created.get("body").get("content").stringValue()).isEqualTo("On my way");
        assertThat(created.get("chatId").stringValue()).isEqualTo(chat);
        assertThat(world.getJson("/chats/" + chat + "/messages").get("value").get(0).get("id").stringValue())
                .isEqualTo(id);
    }

    @Test
    void everyCoveringSubscriptionIsNotifiedTheSendersOwnIncluded() {
        String alices = world.subscribed(world.subscription("/users/" + world.alice + "/chats/getAllMessages"));
        String bobs = world.subscribed(world.subscription("/users/" + world.bob + "/chats/getAllMessages"));
        world.subscribed(world.subscription("/users/" + world.carol + "/chats/getAllMessages"));

        String id = sent(sender(world.alice), text("Replying from Mattermost"));

        List<JsonNode> items = world.webhook.awaitItems(2);
        assertThat(items).extracting(i -> i.get("subscriptionId").stringValue())
                .containsExactlyInAnyOrder(alices, bobs);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("changeType").stringValue()).isEqualTo("created");
            assertThat(i.get("resourceData").get("id").stringValue()).isEqualTo(id);
        });
        world.webhook.assertQuietFor(Duration.ofMillis(150), 2);
    }

    @Test
    void sendingNeedsChatMessageSendOrAHigherPermission() {
        HttpResponse<String> readOnly = send(world.userToken(world.alice), text("hi"));

        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(code(readOnly)).isEqualTo("Forbidden");
        assertThat(message(readOnly)).contains("ChatMessage.Send");
        for (String higher : List.of("Chat.ReadWrite", "Group.ReadWrite.All")) {
            HttpResponse<String> sent = send(world.flow.accessToken(world.alice, "openid offline_access " + higher),
                    text("with " + higher));
            assertThat(sent.statusCode()).as(higher + ": " + sent.body()).isEqualTo(201);
        }
        assertThat(world.control().chatMessages(chat)).hasSize(2);
    }

    @Test
    void anAppTokenCannotSendOutsideAMigration() {
        HttpResponse<String> refused = send(world.appToken, text("from the app"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("Forbidden");
        assertThat(message(refused)).contains("application-only context only for import purposes");
        assertThat(TestHttp.json(refused).get("error").has("innerError")).isTrue();
        assertThat(world.control().chatMessages(chat)).isEmpty();
    }

    @Test
    void nonMembersAreRefusedAndUnknownChatsAreNotFound() {
        HttpResponse<String> outsider = send(sender(world.carol), text("let me in"));
        HttpResponse<String> unknown = world.graph("POST", "/chats/19:nothing@thread.v2/messages", text("hello?"),
                sender(world.bob));

        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(message(outsider)).contains("not a member");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("NotFound");
        assertThat(world.control().chatMessages(chat)).isEmpty();
    }

    @Test
    void theSameSendWorksUnderMeAndUnderTheUsersOwnPathOnly() {
        String alice = sender(world.alice);

        HttpResponse<String> viaMe = world.graph("POST", "/me/chats/" + chat + "/messages", text("via me"), alice);
        HttpResponse<String> viaUser = world.graph("POST", "/users/" + world.alice + "/chats/" + chat + "/messages",
                text("via users"), alice);
        HttpResponse<String> asSomeoneElse = world.graph("POST", "/users/" + world.bob + "/chats/" + chat
                + "/messages", text("as bob"), alice);

        assertThat(viaMe.statusCode()).as(viaMe.body()).isEqualTo(201);
        assertThat(TestHttp.json(viaMe).get("from").get("user").get("id").stringValue()).isEqualTo(world.alice);
        assertThat(viaUser.statusCode()).as(viaUser.body()).isEqualTo(201);
        assertThat(asSomeoneElse.statusCode()).isEqualTo(403);
        assertThat(world.control().chatMessages(chat)).extracting(m -> m.get("fromUserId").stringValue())
                .containsExactly(world.alice, world.alice);
    }

    @Test
    void mentionsMustMatchTheAtTagsBothWaysAndNameExistingUsers() {
        String alice = sender(world.alice);
        HttpResponse<String> mentioned = send(alice, html("<p>Thanks <at id=\"0\">Bob Baker</at></p>",
                mention(0, "Bob Baker", world.bob)));

        assertThat(mentioned.statusCode()).as(mentioned.body()).isEqualTo(201);
        JsonNode user = TestHttp.json(mentioned).get("mentions").get(0).get("mentioned").get("user");
        assertThat(user.get("id").stringValue()).isEqualTo(world.bob);
        assertThat(user.get("displayName").stringValue()).isEqualTo("Bob Baker");
        assertThat(TestHttp.json(mentioned).get("body").get("contentType").stringValue()).isEqualTo("html");

        Map<String, Object> tagWithoutMention = html("<at id=\"0\">Bob Baker</at> and <at id=\"1\">Carol</at>",
                mention(0, "Bob Baker", world.bob));
        Map<String, Object> mentionWithoutTag = html("<p>Thanks Bob</p>", mention(0, "Bob Baker", world.bob));
        Map<String, Object> unknownUser = html("<at id=\"0\">Ghost</at>", mention(0, "Ghost",
                UUID.randomUUID().toString()));
        Map<String, Object> inText = html("<at id=\"0\">Bob Baker</at>", mention(0, "Bob Baker", world.bob));
        inText.put("body", Map.of("contentType", "text", "content", "<at id=\"0\">Bob Baker</at>"));
        Map<String, Object> twice = html("<at id=\"0\">Bob Baker</at>", mention(0, "Bob Baker", world.bob),
                mention(0, "Bob", world.bob));

        assertRefused(send(alice, tagWithoutMention), 400, "<at id=\"1\">", "no entry with id 1");
        assertRefused(send(alice, mentionWithoutTag), 400, "Mention 0 has no <at id=\"0\"> tag");
        assertRefused(send(alice, unknownUser), 400, "does not exist");
        assertRefused(send(alice, inText), 400, "needs an html body");
        assertRefused(send(alice, twice), 400, "Two mentions have id 0");
        assertThat(world.control().chatMessages(chat)).hasSize(1);
    }

    @Test
    void theBodyNeedsContentOfAKnownTypeAndNoAttachmentsAndIsStoredAsWritten() {
        String alice = sender(world.alice);
        Map<String, Object> withAttachment = text("see the file");
        withAttachment.put("attachments", List.of(Map.of("id", "a1", "contentType", "reference",
                "contentUrl", "https://contoso.sharepoint.com/f.docx", "name", "f.docx")));
        Map<String, Object> withImage = html("<img src=\"../hostedContents/1/$value\">");
        withImage.put("hostedContents", List.of(Map.of("@microsoft.graph.temporaryId", "1",
                "contentBytes", "iVBORw0KGgo=", "contentType", "image/png")));
        Map<String, Object> emptyAttachments = text("hosted:1 stays as written");
        emptyAttachments.put("attachments", List.of());

        assertRefused(send(alice, Map.of("subject", "no body")), 400, "'body'");
        assertRefused(send(alice, text("")), 400, "'content' is required");
        assertRefused(send(alice, text("   ")), 400, "'content' is required");
        assertRefused(send(alice, Map.of("body", Map.of("contentType", "markdown", "content", "**hi**"))), 400,
                "contentType");
        assertRefused(send(alice, withAttachment), 400, "'attachments'");
        assertRefused(send(alice, withImage), 400, "'hostedContents'");
        HttpResponse<String> notJson = world.flow.http.send("POST", URI.create(world.emulator.graphUrl() + "/chats/"
                + chat + "/messages"), "{not json", "Authorization", "Bearer " + alice);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(code(notJson)).isEqualTo("BadRequest");
        assertThat(world.control().chatMessages(chat)).isEmpty();

        HttpResponse<String> plain = send(alice, emptyAttachments);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
        assertThat(TestHttp.json(plain).get("body").get("content").stringValue())
                .isEqualTo("hosted:1 stays as written");
    }

    @Test
    void contentAndMentionsOverTwentyEightThousandUtf8BytesAre413() {
        String alice = sender(world.alice);
        String mentionTag = "<at id=\"0\">Bob Baker</at>";

        HttpResponse<String> atTheLimit = send(alice, text("a".repeat(28_000)));
        HttpResponse<String> oneOver = send(alice, text("a".repeat(28_001)));
        HttpResponse<String> wideCharacters = send(alice, text("é".repeat(14_001)));
        HttpResponse<String> mentionsCount = send(alice, html(mentionTag + "a".repeat(27_950 - mentionTag.length()),
                mention(0, "Bob Baker", world.bob)));

        assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(201);
        assertRefused(oneOver, 413, "Request Entity too large", "28001 bytes");
        assertThat(code(oneOver)).isEqualTo("RequestEntityTooLarge");
        assertRefused(wideCharacters, 413, "28002 bytes");
        assertThat(mentionsCount.statusCode()).as("27,950 bytes of content plus the mentions").isEqualTo(413);
        assertThat(world.control().chatMessages(chat)).hasSize(1);
    }

    @Test
    void theTwentyFirstSendInASecondOfTheAppIs429WithRetryAfter() {
        String alice = sender(world.alice);
        String bob = sender(world.bob);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> sent = send(i % 2 == 0 ? alice : bob, text("message " + i));
            assertThat(sent.statusCode()).as("send %d: %s", i + 1, sent.body()).isEqualTo(201);
        }

        HttpResponse<String> throttled = send(alice, text("one too many"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        assertThat(code(throttled)).isEqualTo("TooManyRequests");
        assertThat(message(throttled)).contains("'POST chat message' limit of 20");
        assertThat(world.control().chatMessages(chat)).hasSize(20);
        assertThat(world.get("/chats/" + chat + "/messages").statusCode()).as("reading has its own budget")
                .isEqualTo(200);
        world.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> nextSecond = send(bob, text("next second"));
        assertThat(nextSecond.statusCode()).as(nextSecond.body()).isEqualTo(201);
    }

    @Test
    void theControlApiListsAChatsMessagesOldestFirstWhoeverWroteThem() {
        String fromTeams = world.control().postMessage(chat, world.bob, "text", "from Teams");
        world.clock.advance(Duration.ofSeconds(1));
        String sentHtml = "<p>Sure <at id=\"0\">Bob Baker</at></p>";
        String fromGraph = sent(sender(world.alice), html(sentHtml, mention(0, "Bob Baker", world.bob)));
        String deleted = world.control().postMessage(chat, world.bob, "text", "oops");
        world.clock.advance(Duration.ofSeconds(1));
        world.control().editMessage(chat, fromTeams, "edited in Teams");
        world.control().deleteMessage(chat, deleted);
        String event = world.control().addMember(chat, world.carol);

        JsonNode messages = world.control().chatMessages(chat);

        assertThat(messages).extracting(m -> m.get("id").stringValue())
                .containsExactly(fromTeams, fromGraph, deleted, event);
        JsonNode first = messages.get(0);
        assertThat(fieldNames(first)).containsExactly("id", "fromUserId", "contentType", "content", "mentions",
                "createdDateTime", "lastEditedDateTime", "deletedDateTime");
        assertThat(first.get("mentions")).isEmpty();
        JsonNode mentioned = messages.get(1).get("mentions").get(0);
        assertThat(mentioned.get("id").asInt()).isZero();
        assertThat(mentioned.get("mentionText").stringValue()).isEqualTo("Bob Baker");
        assertThat(mentioned.get("userId").stringValue()).isEqualTo(world.bob);
        assertThat(first.get("fromUserId").stringValue()).isEqualTo(world.bob);
        assertThat(first.get("contentType").stringValue()).isEqualTo("text");
        assertThat(first.get("content").stringValue()).isEqualTo("edited in Teams");
        assertThat(first.get("createdDateTime").stringValue()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(first.get("lastEditedDateTime").stringValue()).isEqualTo("2026-03-02T09:00:02.000Z");
        assertThat(first.get("deletedDateTime").isNull()).isTrue();
        JsonNode second = messages.get(1);
        assertThat(second.get("fromUserId").stringValue()).isEqualTo(world.alice);
        assertThat(second.get("contentType").stringValue()).isEqualTo("html");
        assertThat(second.get("content").stringValue()).isEqualTo(sentHtml);
        assertThat(second.get("createdDateTime").stringValue()).isEqualTo("2026-03-02T09:00:01.000Z");
        assertThat(second.get("lastEditedDateTime").isNull()).isTrue();
        assertThat(messages.get(2).get("deletedDateTime").stringValue()).isEqualTo("2026-03-02T09:00:02.000Z");
        assertThat(messages.get(3).get("fromUserId").isNull()).as("a system event has no sender").isTrue();
        assertThatThrownBy(() -> world.control().chatMessages("19:none@thread.v2")).hasMessageContaining("404");
    }

    private String sender(String userId) {
        return world.flow.accessToken(userId, SEND_SCOPE);
    }

    private HttpResponse<String> send(String token, Map<String, Object> body) {
        return world.graph("POST", "/chats/" + chat + "/messages", body, token);
    }

    /** Sends, fails the test unless Graph answered 201, and answers the new message's id. */
    private String sent(String token, Map<String, Object> body) {
        HttpResponse<String> response = send(token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response).get("id").stringValue();
    }

    private static Map<String, Object> text(String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", Map.of("content", content));
        return body;
    }

    @SafeVarargs
    private static Map<String, Object> html(String content, Map<String, Object>... mentions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", Map.of("contentType", "html", "content", content));
        if (mentions.length > 0) {
            body.put("mentions", List.of(mentions));
        }
        return body;
    }

    private static Map<String, Object> mention(int id, String text, String userId) {
        return Map.of("id", id, "mentionText", text, "mentioned", Map.of("user", Map.of("id", userId,
                "displayName", text, "userIdentityType", "aadUser")));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String... messageParts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(message(response)).contains(messageParts);
    }

    private static String code(HttpResponse<String> response) {
        return TestHttp.json(response).get("error").get("code").stringValue();
    }

    private static String message(HttpResponse<String> response) {
        return TestHttp.json(response).get("error").get("message").stringValue();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
