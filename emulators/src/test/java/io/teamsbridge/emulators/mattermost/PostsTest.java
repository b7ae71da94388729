package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Direct channels, posts, pending_post_id de-duplication and the bot-posts control view. */
class PostsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;
    private static MattermostControlClient.Bot bot;

    @BeforeAll
    static void start() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract().withClock(CLOCK));
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
        bot = control.createBot("notifier", "Notifier", null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String dm(String userId) {
        return rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json().get("id")
                .stringValue();
    }

    private static RestClient.Reply post(String channelId, String message, String pendingPostId) {
        return rest.post("/api/v4/posts", bot.token(),
                Map.of("channel_id", channelId, "message", message, "pending_post_id", pendingPostId));
    }

    @Test
    void aDirectChannelIsCreatedOnceWhicheverWayRoundItIsAskedFor() {
        String userId = control.createUser("dmuser", "dmuser@example.com");

        RestClient.Reply first = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId));
        RestClient.Reply second = rest.post("/api/v4/channels/direct", bot.token(), List.of(userId, bot.userId()));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        JsonNode channel = first.json();
        assertThat(second.json().get("id").stringValue()).isEqualTo(channel.get("id").stringValue());
        assertThat(channel.get("type").stringValue()).isEqualTo("D");
        String[] sorted = bot.userId().compareTo(userId) < 0 ? new String[] {bot.userId(), userId}
                : new String[] {userId, bot.userId()};
        assertThat(channel.get("name").stringValue()).isEqualTo(sorted[0] + "__" + sorted[1]);
        assertThat(channel.get("team_id").stringValue()).isEmpty();
    }

    @Test
    void onlyMembersMayCreateADirectChannel() {
        String a = control.createUser("dma", "dma@example.com");
        String b = control.createUser("dmb", "dmb@example.com");

        assertThat(rest.post("/api/v4/channels/direct", bot.token(), List.of(a, b)).status()).isEqualTo(403);
        assertThat(rest.post("/api/v4/channels/direct", bot.token(), List.of(a)).status()).isEqualTo(400);
    }

    @Test
    void aBotPostIsMarkedFromBotAndShowsInTheUsersBotPosts() {
        String userId = control.createUser("reader", "reader@example.com");
        String channelId = dm(userId);

        RestClient.Reply created = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channelId,
                "message", "**New message** from Teams", "props", Map.of("teams_message_id", "m1")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode post = created.json();
        assertThat(post.get("props").get("from_bot").stringValue()).isEqualTo("true");
        assertThat(post.get("props").get("teams_message_id").stringValue()).isEqualTo("m1");
        assertThat(post.get("user_id").stringValue()).isEqualTo(bot.userId());
        assertThat(post.get("channel_id").stringValue()).isEqualTo(channelId);
        assertThat(post.get("create_at").asLong()).isEqualTo(CLOCK.millis());
        assertThat(post.get("delete_at").asLong()).isZero();
        assertThat(post.get("root_id").stringValue()).isEmpty();

        List<JsonNode> seen = control.botPosts(userId);
        assertThat(seen).singleElement().satisfies(p -> {
            assertThat(p.get("id").stringValue()).isEqualTo(post.get("id").stringValue());
            assertThat(p.get("message").stringValue()).isEqualTo("**New message** from Teams");
            assertThat(p.get("props").get("from_bot").stringValue()).isEqualTo("true");
            assertThat(p.has("root_id")).isTrue();
            assertThat(p.has("update_at")).isTrue();
        });
    }

    @Test
    void theSamePendingPostIdWithinThirtySecondsReturnsTheSamePost() {
        String channelId = dm(control.createUser("dedupe", "dedupe@example.com"));

        JsonNode first = post(channelId, "once", "pending-1").json();
        CLOCK.advance(Duration.ofSeconds(29));
        RestClient.Reply again = post(channelId, "once", "pending-1");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").stringValue()).isEqualTo(first.get("id").stringValue());
        assertThat(again.json().get("pending_post_id").stringValue()).isEqualTo("pending-1");
    }

    @Test
    void thePendingPostIdIsGlobalNotPerChannel() {
        String one = dm(control.createUser("globalone", "globalone@example.com"));
        String two = dm(control.createUser("globaltwo", "globaltwo@example.com"));

        JsonNode first = post(one, "first", "shared-pending").json();
        JsonNode second = post(two, "second", "shared-pending").json();

        assertThat(second.get("id").stringValue()).isEqualTo(first.get("id").stringValue());
        assertThat(second.get("channel_id").stringValue()).isEqualTo(one);
    }

    @Test
    void afterThirtySecondsTheSamePendingPostIdCreatesANewPost() {
        String channelId = dm(control.createUser("expiry", "expiry@example.com"));

        JsonNode first = post(channelId, "hello", "pending-2").json();
        CLOCK.advance(Duration.ofSeconds(31));
        JsonNode second = post(channelId, "hello", "pending-2").json();

        assertThat(second.get("id").stringValue()).isNotEqualTo(first.get("id").stringValue());
    }

    @Test
    void aFailedCreationForgetsItsPendingPostIdSoARetrySucceeds() {
        String channelId = dm(control.createUser("retry", "retry@example.com"));

        assertThat(post(channelId, "x".repeat(16384), "pending-3").status()).isEqualTo(400);
        RestClient.Reply retry = post(channelId, "short now", "pending-3");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("message").stringValue()).isEqualTo("short now");
    }

    @Test
    void aMessageLongerThan16383RunesIsRefused() {
        String channelId = dm(control.createUser("longpost", "longpost@example.com"));

        RestClient.Reply tooLong = post(channelId, "é".repeat(16384), "");
        RestClient.Reply justRight = post(channelId, "😀".repeat(16383), "");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("id").stringValue()).isEqualTo("model.post.is_valid.message_length.app_error");
        assertThat(justRight.status()).isEqualTo(201);
    }

    @Test
    void postingNeedsChannelMembership() {
        String a = control.createUser("outsidea", "outsidea@example.com");
        String b = control.createUser("outsideb", "outsideb@example.com");
        String otherChannel = rest.post("/api/v4/channels/direct", control.createToken(a), List.of(a, b)).json()
                .get("id").stringValue();

        RestClient.Reply reply = post(otherChannel, "intrusion", "");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(post("nosuchchannelnosuchchannel", "x", "").status()).isEqualTo(403);
    }

    @Test
    void postsCanBePatchedUpdatedAndSoftDeleted() {
        String userId = control.createUser("editor", "editor@example.com");
        String channelId = dm(userId);
        String postId = post(channelId, "draft", "").json().get("id").stringValue();
        CLOCK.advance(Duration.ofSeconds(1));

        JsonNode patched = rest.put("/api/v4/posts/" + postId + "/patch", bot.token(), Map.of("message", "final"))
                .json();
        assertThat(patched.get("message").stringValue()).isEqualTo("final");
        assertThat(patched.get("edit_at").asLong()).isEqualTo(CLOCK.millis());
        assertThat(patched.get("props").get("from_bot").stringValue()).isEqualTo("true");

        JsonNode updated = rest.put("/api/v4/posts/" + postId, bot.token(),
                Map.of("id", postId, "message", "replaced", "props", Map.of("x", "y"))).json();
        assertThat(updated.get("message").stringValue()).isEqualTo("replaced");
        assertThat(updated.get("props").get("x").stringValue()).isEqualTo("y");

        String userToken = control.createToken(userId);
        assertThat(rest.delete("/api/v4/posts/" + postId, userToken).status()).isEqualTo(403);
        assertThat(rest.delete("/api/v4/posts/" + postId, bot.token()).json().get("status").stringValue())
                .isEqualTo("OK");
        assertThat(rest.get("/api/v4/posts/" + postId, bot.token()).status()).isEqualTo(404);
        assertThat(control.botPosts(userId)).singleElement()
                .satisfies(p -> assertThat(p.get("delete_at").asLong()).isEqualTo(CLOCK.millis()));
    }

    @Test
    void ephemeralPostsNeedASystemAdminAndAreRecordedForTheirUser() {
        String userId = control.createUser("ephemeral", "ephemeral@example.com");
        String channelId = dm(userId);
        Map<String, Object> body = Map.of("user_id", userId, "post", Map.of("channel_id", channelId, "message", "psst"));

        assertThat(rest.post("/api/v4/posts/ephemeral", bot.token(), body).status()).isEqualTo(403);

        MattermostControlClient.Bot adminBot = control.createBot("ephemeralbot", "Ephemeral", "system_admin");
        RestClient.Reply sent = rest.post("/api/v4/posts/ephemeral", adminBot.token(), body);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("type").stringValue()).isEqualTo("system_ephemeral");
        assertThat(control.ephemeralPosts(userId)).singleElement()
                .satisfies(p -> assertThat(p.get("message").stringValue()).isEqualTo("psst"));
    }
}
