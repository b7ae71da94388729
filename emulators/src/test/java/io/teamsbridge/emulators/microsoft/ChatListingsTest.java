package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The chat list of a signed-in user and a chat's message list, with the ordering and date ranges Graph documents. */
class ChatListingsTest {
    TeamsWorld world;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonNode asUser(String userId, String path) {
        HttpResponse<String> response = world.graph("GET", path, null, world.userToken(userId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String path(String nextLink) {
        return nextLink.substring(world.emulator.graphUrl().toString().length());
    }

    @Test
    void myChatsComeNewestMessageFirstWithAPreviewAndPages() {
        String quiet = world.control().createChat("group", "Quiet", List.of(world.alice, world.bob));
        String busy = world.control().createChat("group", "Busy", List.of(world.alice, world.carol));
        String empty = world.control().createChat("oneOnOne", null, List.of(world.alice, world.carol));
        world.control().createChat("oneOnOne", null, List.of(world.bob, world.carol)); // not Alice's
        world.control().postMessage(quiet, world.bob, "text", "old news");
        world.clock.advance(Duration.ofMinutes(1));
        String latest = world.control().postMessage(busy, world.carol, "text", "fresh news");

        JsonNode first = asUser(world.alice, "/me/chats?$top=2&$expand=lastMessagePreview&$orderby="
                + q("lastMessagePreview/createdDateTime desc"));
        JsonNode second = asUser(world.alice, path(first.get("@odata.nextLink").stringValue()));

        List<String> ids = new ArrayList<>();
        first.get("value").forEach(c -> ids.add(c.get("id").stringValue()));
        second.get("value").forEach(c -> ids.add(c.get("id").stringValue()));
        assertThat(ids).containsExactly(busy, quiet, empty);
        JsonNode preview = first.get("value").get(0).get("lastMessagePreview");
        assertThat(preview.get("id").stringValue()).isEqualTo(latest);
        assertThat(preview.get("createdDateTime").stringValue()).isEqualTo("2026-03-02T09:01:00.000Z");
        assertThat(preview.get("isDeleted").booleanValue()).isFalse();
        assertThat(preview.get("body").get("content").stringValue()).isEqualTo("fresh news");
        assertThat(second.get("value").get(0).get("lastMessagePreview").isNull()).isTrue();
        assertThat(second.has("@odata.nextLink")).isFalse();
    }

    @Test
    void theChatListTakesOnlyWhatGraphSupports() {
        HttpResponse<String> byTopic = world.graph("GET", "/me/chats?$orderby=topic", null, world.userToken(world.alice));
        HttpResponse<String> asApp = world.get("/me/chats");
        HttpResponse<String> someoneElses = world.graph("GET", "/users/" + world.bob + "/chats", null,
                world.userToken(world.alice));
        HttpResponse<String> tooMany = world.graph("GET", "/me/chats?$top=51", null, world.userToken(world.alice));

        assertThat(byTopic.statusCode()).isEqualTo(400);
        assertThat(asApp.statusCode()).isEqualTo(400);
        assertThat(someoneElses.statusCode()).isEqualTo(403);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(world.getJson("/users/" + world.bob + "/chats").get("value")).isEmpty();
    }

    @Test
    void aChatsMessagesInADateRangeNewestChangeFirst() {
        String chat = world.groupChat();
        String before = world.control().postMessage(chat, world.bob, "text", "before the gap");
        world.clock.advance(Duration.ofMinutes(10));
        Instant gapStart = world.now();
        world.clock.advance(Duration.ofMinutes(1));
        String inside = world.control().postMessage(chat, world.bob, "text", "in the gap");
        world.clock.advance(Duration.ofMinutes(1));
        world.control().editMessage(chat, before, "edited in the gap");
        world.clock.advance(Duration.ofMinutes(1));
        Instant gapEnd = world.now();
        world.clock.advance(Duration.ofMinutes(1));
        world.control().postMessage(chat, world.bob, "text", "after the gap");

        String range = q("lastModifiedDateTime gt " + gapStart + " and lastModifiedDateTime lt " + gapEnd);
        JsonNode inRange = asUser(world.alice, "/chats/" + chat + "/messages?$top=1&$orderby=" + q("lastModifiedDateTime desc")
                + "&$filter=" + range);
        JsonNode rest = asUser(world.alice, path(inRange.get("@odata.nextLink").stringValue()));
        JsonNode ignored = asUser(world.alice, "/chats/" + chat + "/messages?$filter=" + range.replace("lastModified", "created"));

        assertThat(inRange.get("value").get(0).get("id").stringValue()).as("the edit is the newest change").isEqualTo(before);
        assertThat(rest.get("value").get(0).get("id").stringValue()).isEqualTo(inside);
        assertThat(rest.has("@odata.nextLink")).isFalse();
        assertThat(world.graph("GET", "/chats/" + chat + "/messages?$orderby=" + q("createdDateTime desc") + "&$filter="
                + q("createdDateTime gt " + gapStart), null, world.userToken(world.alice)).statusCode()).isEqualTo(400);
        assertThat(world.graph("GET", "/chats/" + chat + "/messages?$orderby=" + q("lastModifiedDateTime asc"), null,
                world.userToken(world.alice)).statusCode()).isEqualTo(400);
        assertThat(world.graph("GET", "/chats/" + chat + "/messages?$orderby=" + q("createdDateTime desc") + "&$filter="
                + q("createdDateTime lt " + gapStart), null, world.userToken(world.alice)).statusCode()).isEqualTo(200);
        assertThat(ignored.get("value")).as("a filter on another property than the ordering's is ignored").hasSize(3);
    }
}
