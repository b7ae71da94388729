package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchTest {
    TeamsWorld world;
    String chat;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
        chat = world.groupChat();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void eachRequestIsAnsweredOnItsOwnAndCountedUnderItsTemplate() {
        long before = requests("GET /v1.0/chats/{chatId}/members");

        JsonNode answer = batch(List.of(
                item("1", "/chats/" + chat, null),
                item("2", "/chats/" + chat + "/members", null),
                item("3", "/chats/19:missing@thread.v2", null),
                item("4", "/users/" + world.alice + "/presence", null),
                item("5", "/chats/" + chat + "/members", List.of("3"))));

        List<JsonNode> responses = new ArrayList<>();
        answer.get("responses").forEach(responses::add);
        assertThat(responses).extracting(r -> r.get("id").stringValue()).containsExactly("1", "2", "3", "4", "5");
        assertThat(responses).extracting(r -> r.get("status").asInt()).containsExactly(200, 200, 404, 200, 424);
        assertThat(responses.get(0).get("body").get("chatType").stringValue()).isEqualTo("group");
        assertThat(responses.get(0).get("headers").get("Content-Type").stringValue()).startsWith("application/json");
        assertThat(responses.get(1).get("body").get("value")).hasSize(3);
        assertThat(responses.get(2).get("body").get("error").get("code").stringValue()).isEqualTo("NotFound");
        assertThat(responses.get(4).get("body").get("error").get("code").stringValue()).isEqualTo("FailedDependency");
        assertThat(requests("GET /v1.0/chats/{chatId}/members")).isEqualTo(before + 1);
        assertThat(requests("POST /v1.0/$batch")).isEqualTo(1);
    }

    @Test
    void moreThanTwentyRequestsAreRefused() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            items.add(item(Integer.toString(i), "/chats/" + chat, null));
        }

        HttpResponse<String> response = world.graph("POST", "/$batch", Map.of("requests", items), world.appToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").get("code").stringValue()).isEqualTo("BadRequest");
    }

    @Test
    void itemsAreThrottledOneByOneAgainstTheChatMessageLimit() {
        String id = world.control().postMessage(chat, world.alice, "text", "hot message");
        world.clock.advance(Duration.ofSeconds(1));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item(Integer.toString(i), "/chats/" + chat + "/messages/" + id, null));
        }

        JsonNode first = batch(items);
        JsonNode second = batch(List.of(item("21", "/chats/" + chat + "/messages/" + id, null),
                item("22", "/chats/" + chat, null)));

        first.get("responses").forEach(r -> assertThat(r.get("status").asInt()).isEqualTo(200));
        JsonNode throttled = second.get("responses").get(0);
        assertThat(throttled.get("status").asInt()).isEqualTo(429);
        assertThat(throttled.get("headers").get("Retry-After").stringValue()).isEqualTo("1");
        assertThat(throttled.get("body").get("error").get("code").stringValue()).isEqualTo("TooManyRequests");
        assertThat(second.get("responses").get(1).get("status").asInt()).as("other GETs have their own budget")
                .isEqualTo(200);
    }

    private JsonNode batch(List<Map<String, Object>> items) {
        HttpResponse<String> response = world.graph("POST", "/$batch", Map.of("requests", items), world.appToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    private static Map<String, Object> item(String id, String url, List<String> dependsOn) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("method", "GET");
        item.put("url", url);
        if (dependsOn != null) {
            item.put("dependsOn", dependsOn);
        }
        return item;
    }

    private long requests(String key) {
        JsonNode value = world.control().stats().get("requests").get(key);
        return value == null ? 0 : value.asLong();
    }
}
