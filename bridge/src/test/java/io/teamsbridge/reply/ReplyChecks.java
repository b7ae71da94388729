package io.teamsbridge.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.mattermost.Confirmations;
import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the reply tests do and look at: threads, replies, the Teams chat, the bot's answers and reactions. */
final class ReplyChecks {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BridgeHarness harness;
    private final World world;

    ReplyChecks(BridgeHarness harness, World world) {
        this.harness = harness;
        this.world = world;
    }

    /** Someone writes to the person in the chat; answers the person's thread root for that chat. */
    String threadAfter(Person person, String chatId, Person from, String text) {
        String id = world.say(chatId, from, "<p>" + text + "</p>");
        world.awaitProcessed(chatId, id);
        return world.threadRoots(person).stream()
                .filter(r -> r.path("props").path("teamsbridge_thread").asString().equals(chatId))
                .findFirst().orElseThrow().path("id").asString();
    }

    /** The person replies in the thread, as the web app would post it; answers the post's id. */
    String reply(Person person, String root, String text) {
        return harness.chat().postToBot(person.mattermostUserId(), text, root);
    }

    /**
     * The person replies in the thread with a file attached, through Mattermost's REST API with their
     * own token (upload, then post), as the web app does; answers the post's id.
     */
    String replyWithFile(Person person, String root, String text) {
        String token = harness.chat().createToken(person.mattermostUserId());
        String channel = harness.chat().botPosts(person.mattermostUserId()).stream()
                .filter(p -> p.path("id").asString().equals(root)).findFirst().orElseThrow().path("channel_id").asString();
        String base = harness.mattermost().baseUrl() + "/api/v4";
        JsonNode upload = send(HttpRequest.newBuilder(URI.create(base + "/files?channel_id=" + channel + "&filename=notes.txt"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("the notes")), 201);
        String fileId = upload.path("file_infos").get(0).path("id").asString();
        String post = JSON.writeValueAsString(java.util.Map.of("channel_id", channel, "root_id", root, "message", text,
                "file_ids", List.of(fileId)));
        return send(HttpRequest.newBuilder(URI.create(base + "/posts")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(post)), 201)
                .path("id").asString();
    }

    private static JsonNode send(HttpRequest.Builder request, int status) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The person's messages in the Teams chat, oldest first ({@code {id, fromUserId, content, mentions, ...}}). */
    List<JsonNode> teamsMessagesFrom(String chatId, Person person) {
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode m : harness.teams().chatMessages(chatId)) {
            if (m.path("fromUserId").asString("").equals(person.teamsUserId())) {
                mine.add(m);
            }
        }
        return mine;
    }

    List<String> teamsTextsFrom(String chatId, Person person) {
        return teamsMessagesFrom(chatId, person).stream().map(m -> m.path("content").asString()).toList();
    }

    /** The bot's answers about replies in the thread (its notifications left out), oldest first. */
    List<String> answers(Person person, String root) {
        return harness.chat().botPosts(person.mattermostUserId()).stream()
                .filter(p -> p.path("root_id").asString("").equals(root))
                .filter(p -> p.path("props").path(Confirmations.KIND_PROP).asString("").equals("reply-outcome"))
                .map(p -> p.path("message").asString())
                .toList();
    }

    String awaitAnswer(Person person, String root, int nth) {
        await().atMost(WAIT).until(() -> answers(person, root).size() >= nth);
        return answers(person, root).get(nth - 1);
    }

    /** The emoji names of the reactions on a post. */
    List<String> reactions(String postId) {
        List<String> names = new ArrayList<>();
        send(HttpRequest.newBuilder(URI.create(harness.mattermost().baseUrl() + "/api/v4/posts/" + postId + "/reactions"))
                .header("Authorization", "Bearer " + harness.bot().token()), 200)
                .forEach(r -> names.add(r.path("emoji_name").asString()));
        return names;
    }

    void awaitSent(String postId) {
        await().atMost(WAIT).until(() -> reactions(postId).contains(ReplyTeller.SENT_EMOJI));
    }
}
