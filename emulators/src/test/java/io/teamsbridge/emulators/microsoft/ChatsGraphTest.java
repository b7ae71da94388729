package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatsGraphTest {
    TeamsWorld world;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void oneOnOneChatsHaveTeamsIdsAndThereIsOnePerPair() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String again = world.control().createChat("oneOnOne", null, List.of(world.bob, world.alice));

        assertThat(chat).isEqualTo("19:" + world.alice + "_" + world.bob + "@unq.gbl.spaces").isEqualTo(again);
        assertThat(world.control().createChat("group", null, List.of(world.alice, world.bob)))
                .matches("19:[0-9a-f]{32}@thread\\.v2");
        assertThat(world.control().createChat("meeting", "Standup", List.of(world.alice)))
                .matches("19:meeting_[A-Za-z0-9_-]+@thread\\.v2");
    }

    @Test
    void chatJsonIsGraphsWithMembersOnExpand() {
        String chat = world.groupChat();

        JsonNode json = world.getJson("/chats/" + chat + "?$expand=members");

        assertThat(json.get("@odata.context").stringValue()).endsWith("/v1.0/$metadata#chats/$entity");
        assertThat(json.get("id").stringValue()).isEqualTo(chat);
        assertThat(json.get("topic").stringValue()).isEqualTo("Launch plan");
        assertThat(json.get("chatType").stringValue()).isEqualTo("group");
        assertThat(json.get("tenantId").stringValue()).isEqualTo(world.emulator.tenantId());
        assertThat(json.get("createdDateTime").stringValue()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(json.get("webUrl").stringValue()).startsWith("https://teams.microsoft.com/l/chat/19%3A");
        assertThat(json.has("viewpoint")).as("viewpoint is for signed-in users only").isFalse();
        JsonNode member = json.get("members").get(0);
        assertThat(member.get("@odata.type").stringValue()).isEqualTo("#microsoft.graph.aadUserConversationMember");
        assertThat(member.get("userId").stringValue()).isEqualTo(world.alice);
        assertThat(member.get("displayName").stringValue()).isEqualTo("Alice Archer");
        assertThat(member.get("roles").get(0).stringValue()).isEqualTo("owner");
        assertThat(member.get("visibleHistoryStartDateTime").stringValue()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(member.get("email").stringValue()).startsWith("alice.");
        assertThat(member.get("id").stringValue()).isNotEqualTo(world.alice);

        JsonNode members = world.getJson("/chats/" + chat + "/members");
        assertThat(members.get("@odata.count").asInt()).isEqualTo(3);
        assertThat(members.get("value")).hasSize(3);
    }

    @Test
    void aMessageIsTheDocumentedChatMessage() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String id = world.control().postMessage(chat, world.alice, "html", "<p>Hi <at id=\"0\">Bob Baker</at></p>",
                List.of(new MicrosoftControlClient.Mention(0, "Bob Baker", world.bob)),
                List.of(MicrosoftControlClient.Attachment.file("a1", "https://contoso.sharepoint.com/f.docx", "f.docx")));

        JsonNode message = world.getJson("/chats/" + chat + "/messages/" + id);

        assertThat(id).isEqualTo(Long.toString(world.now().toEpochMilli()));
        assertThat(fieldNames(message)).containsExactly("@odata.context", "id", "replyToId", "etag", "messageType",
                "createdDateTime", "lastModifiedDateTime", "lastEditedDateTime", "deletedDateTime", "subject",
                "summary", "chatId", "importance", "locale", "webUrl", "channelIdentity", "policyViolation",
                "eventDetail", "from", "body", "attachments", "mentions", "reactions", "messageHistory");
        assertThat(message.get("etag").stringValue()).isEqualTo(id);
        assertThat(message.get("messageType").stringValue()).isEqualTo("message");
        assertThat(message.get("lastEditedDateTime").isNull()).isTrue();
        assertThat(message.get("chatId").stringValue()).isEqualTo(chat);
        JsonNode from = message.get("from").get("user");
        assertThat(from.get("@odata.type").stringValue()).isEqualTo("#microsoft.graph.teamworkUserIdentity");
        assertThat(from.get("id").stringValue()).isEqualTo(world.alice);
        assertThat(from.get("displayName").stringValue()).isEqualTo("Alice Archer");
        assertThat(from.get("userIdentityType").stringValue()).isEqualTo("aadUser");
        assertThat(message.get("body").get("contentType").stringValue()).isEqualTo("html");
        JsonNode mention = message.get("mentions").get(0);
        assertThat(mention.get("id").asInt()).isZero();
        assertThat(mention.get("mentioned").get("user").get("id").stringValue()).isEqualTo(world.bob);
        assertThat(mention.get("mentioned").get("user").get("displayName").stringValue()).isEqualTo("Bob Baker");
        assertThat(mention.get("mentioned").get("conversation").isNull()).isTrue();
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("contentType").stringValue()).isEqualTo("reference");
        assertThat(attachment.get("name").stringValue()).isEqualTo("f.docx");
        assertThat(attachment.has("teamsAppId")).isTrue();
    }

    @Test
    void aMessageWrittenInProcessIsTheSameAsOneWrittenOverTheControlApi() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String id = world.emulator.postMessage(chat, world.alice, "html", "<p>Hi <at id=\"0\">Bob Baker</at></p>",
                List.of(new MicrosoftControlClient.Mention(0, "Bob Baker", world.bob)),
                List.of(MicrosoftControlClient.Attachment.file(null, "https://contoso.sharepoint.com/f.docx", "f.docx")));

        JsonNode message = world.getJson("/chats/" + chat + "/messages/" + id);

        assertThat(message.get("from").get("user").get("id").stringValue()).isEqualTo(world.alice);
        assertThat(message.get("mentions").get(0).get("mentioned").get("user").get("displayName").stringValue())
                .isEqualTo("Bob Baker");
        assertThat(message.get("attachments").get(0).get("id").stringValue()).isNotBlank();
        assertThatThrownBy(() -> world.emulator.postMessage(chat, world.alice, "html", "<p>Hi</p>",
                List.of(new MicrosoftControlClient.Mention(0, "Nobody", "no-such-user")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-user");
    }

    @Test
    void idsIncreaseEvenWithinOneMillisecondAndListsAreNewestFirstInPages() {
        String chat = world.groupChat();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(world.control().postMessage(chat, world.bob, "text", "message " + i));
        }

        JsonNode page = world.getJson("/chats/" + chat + "/messages?$top=3");
        JsonNode next = world.getJson(page.get("@odata.nextLink").stringValue()
                .substring(world.emulator.graphUrl().toString().length()));

        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
                .doesNotHaveDuplicates();
        assertThat(page.get("value").get(0).get("id").stringValue()).isEqualTo(ids.get(4));
        assertThat(page.get("value")).hasSize(3);
        assertThat(next.get("value")).hasSize(2);
        assertThat(next.get("value").get(1).get("id").stringValue()).isEqualTo(ids.get(0));
        assertThat(next.has("@odata.nextLink")).isFalse();
    }

    @Test
    void editsAndDeletesAreVisible() {
        String chat = world.groupChat();
        String id = world.control().postMessage(chat, world.bob, "text", "first");
        world.clock.advance(java.time.Duration.ofSeconds(5));

        world.control().editMessage(chat, id, "second");
        JsonNode edited = world.getJson("/chats/" + chat + "/messages/" + id);
        world.control().deleteMessage(chat, id);
        JsonNode deleted = world.getJson("/chats/" + chat + "/messages/" + id);

        assertThat(edited.get("body").get("content").stringValue()).isEqualTo("second");
        assertThat(edited.get("lastEditedDateTime").stringValue()).isEqualTo("2026-03-02T09:00:05.000Z");
        assertThat(edited.get("etag").stringValue()).isNotEqualTo(id);
        assertThat(deleted.get("deletedDateTime").stringValue()).isEqualTo("2026-03-02T09:00:05.000Z");
        assertThat(deleted.get("id").stringValue()).isEqualTo(id);
    }

    @Test
    void addedMembersGetASystemEventTypedByThePreferHeader() {
        String chat = world.control().createChat("group", null, List.of(world.alice, world.bob));
        String id = world.control().addMember(chat, world.carol);

        JsonNode plain = world.getJson("/chats/" + chat + "/messages/" + id);
        JsonNode preferred = world.getJson("/chats/" + chat + "/messages/" + id, "Prefer",
                "include-unknown-enum-members");

        assertThat(plain.get("messageType").stringValue()).isEqualTo("unknownFutureValue");
        assertThat(preferred.get("messageType").stringValue()).isEqualTo("systemEventMessage");
        assertThat(preferred.get("from").isNull()).isTrue();
        JsonNode detail = preferred.get("eventDetail");
        assertThat(detail.get("@odata.type").stringValue()).isEqualTo("#microsoft.graph.membersAddedEventMessageDetail");
        assertThat(detail.get("members").get(0).get("id").stringValue()).isEqualTo(world.carol);
        assertThat(detail.get("members").get(0).get("displayName").isNull()).isTrue();
        assertThat(detail.get("initiator").get("user").get("id").stringValue()).isEqualTo(world.alice);
        assertThat(world.getJson("/chats/" + chat + "/members").get("value")).hasSize(3);
    }

    @Test
    void signedInUsersSeeOnlyTheirChats() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String id = world.control().postMessage(chat, world.alice, "text", "hello");

        HttpResponse<String> member = world.graph("GET", "/chats/" + chat + "/messages/" + id, null,
                world.userToken(world.bob));
        HttpResponse<String> outsider = world.graph("GET", "/chats/" + chat, null, world.userToken(world.carol));
        HttpResponse<String> unknown = world.get("/chats/19:nothing@thread.v2");

        assertThat(member.statusCode()).as(member.body()).isEqualTo(200);
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(outsider).get("error").get("code").stringValue()).isEqualTo("Forbidden");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(unknown).get("error").has("innerError")).isTrue();
    }

    @Test
    void theControlApiRefusesWhatTeamsWouldNotAllow() {
        String chat = world.groupChat();
        String outsider = world.control().createUser("Dan Dare", "dan." + System.nanoTime() + "@contoso.test", null);

        assertThatThrownBy(() -> world.control().createChat("oneOnOne", null, List.of(world.alice)))
                .hasMessageContaining("400").hasMessageContaining("exactly 2");
        assertThatThrownBy(() -> world.control().postMessage(chat, outsider, "text", "hi"))
                .hasMessageContaining("400").hasMessageContaining("not a member");
        assertThatThrownBy(() -> world.control().postMessage("19:none@thread.v2", world.alice, "text", "hi"))
                .hasMessageContaining("404");
        assertThatThrownBy(() -> world.control().postMessage(chat, world.alice, "markdown", "hi"))
                .hasMessageContaining("400");
        assertThatThrownBy(() -> world.control().addMember(chat, world.bob)).hasMessageContaining("already a member");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
