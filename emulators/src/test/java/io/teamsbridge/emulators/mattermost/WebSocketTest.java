package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The WebSocket: authentication, hello, posted events, seq, and client actions. */
class WebSocketTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract().withClock(CLOCK));
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** A bot and a user of its own, so no other test's events reach this test's sockets. */
    private record World(MattermostControlClient.Bot bot, String userId, String username, String channelId) {}

    private static World world() {
        int n = NAMES.incrementAndGet();
        MattermostControlClient.Bot bot = control.createBot("wsbot" + n, "WS Bot " + n, null);
        String username = "wsuser" + n;
        String userId = control.createUser(username, username + "@example.com");
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json()
                .get("id").stringValue();
        return new World(bot, userId, username, channelId);
    }

    @Test
    void aSocketUpgradedWithABearerTokenGetsHelloWithSeqZeroFirst() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            JsonNode hello = ws.nextEvent("hello");

            assertThat(hello.get("seq").asLong()).isZero();
            assertThat(hello.get("broadcast").get("user_id").stringValue()).isEqualTo(world.bot().userId());
            assertThat(hello.get("broadcast").get("channel_id").stringValue()).isEmpty();
            assertThat(Ids.isValid(hello.get("data").get("connection_id").stringValue())).isTrue();
            assertThat(hello.get("data").get("server_version").stringValue()).startsWith("10.11.0.10.11.0.").endsWith(".false");
        }
    }

    @Test
    void theWebSocketIsServedOnTheRestApisPortAndAPlainGetIsABadRequest() {
        RestClient.Reply plain = rest.get("/api/v4/websocket", null);

        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body()).isEqualTo("Bad Request\n");
        assertThat(control.stats().get("requests").get("GET /api/v4/websocket").asLong()).isPositive();
    }

    @Test
    void aSocketThatAuthenticatesWithAChallengeGetsHelloThenTheReplyToItsSeq() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), null)) {
            ws.send(Map.of("seq", 1, "action", "authentication_challenge", "data", Map.of("token", world.bot().token())));

            JsonNode hello = ws.nextEvent("hello");
            JsonNode reply = ws.next();

            assertThat(hello.get("seq").asLong()).isZero();
            assertThat(hello.get("broadcast").get("user_id").stringValue()).isEqualTo(world.bot().userId());
            assertThat(reply.get("status").stringValue()).isEqualTo("OK");
            assertThat(reply.get("seq_reply").asLong()).isEqualTo(1);
            assertThat(reply.has("seq")).isFalse();
        }
    }

    @Test
    void anUpgradeWithATokenThatDoesNotWorkIsAcceptedButAnsweredNothingUntilItAuthenticates() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), "not-a-token")) {
            ws.send(Map.of("seq", 1, "action", "ping"));
            ws.send(Map.of("seq", 2, "action", "authentication_challenge", "data", Map.of("token", world.bot().token())));

            // Had the ping been answered, its reply would have come before the hello.
            assertThat(ws.nextEvent("hello").get("seq").asLong()).isZero();
            assertThat(ws.next().get("seq_reply").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aChallengeWithATokenThatDoesNotWorkClosesTheSocket() {
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), null)) {
            ws.send(Map.of("seq", 1, "action", "authentication_challenge", "data", Map.of("token", "wrong")));

            ws.awaitClosed();
        }
    }

    @Test
    void aSocketThatNeverAuthenticatesIsClosedAfterFiveSeconds() {
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), null)) {
            long started = System.nanoTime();

            ws.awaitClosed();

            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(4_000);
        }
    }

    @Test
    void aReplyTheUserWritesToTheBotReachesTheBotAsPostedWithTheDirectChannelsFields() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            ws.nextEvent("hello");

            String postId = control.postToBot(world.userId(), "Thanks, *on it*");

            JsonNode posted = ws.nextEvent("posted");
            JsonNode data = posted.get("data");
            assertThat(posted.get("seq").asLong()).isEqualTo(1);
            assertThat(posted.get("broadcast").get("channel_id").stringValue()).isEqualTo(world.channelId());
            assertThat(data.get("channel_type").stringValue()).isEqualTo("D");
            assertThat(data.get("channel_name").stringValue()).isEqualTo(Channel.directName(world.bot().userId(),
                    world.userId()));
            assertThat(data.get("channel_display_name").stringValue()).isEqualTo("@" + world.username());
            assertThat(data.get("sender_name").stringValue()).isEqualTo("@" + world.username());
            assertThat(data.get("team_id").stringValue()).isEmpty();
            assertThat(data.get("set_online").booleanValue()).isTrue();
            assertThat(data.get("mentions").stringValue()).isEqualTo("[\"" + world.bot().userId() + "\"]");
            JsonNode post = io.teamsbridge.emulators.http.Json.parse(data.get("post").stringValue().getBytes());
            assertThat(post.get("id").stringValue()).isEqualTo(postId);
            assertThat(post.get("user_id").stringValue()).isEqualTo(world.userId());
            assertThat(post.get("channel_id").stringValue()).isEqualTo(world.channelId());
            assertThat(post.get("message").stringValue()).isEqualTo("Thanks, *on it*");
            assertThat(post.get("root_id").stringValue()).isEmpty();
            assertThat(post.get("props").has("from_bot")).isFalse();
            assertThat(post.has("metadata")).isTrue();
            // The same post over REST: the event carries the post as the REST API returns it.
            assertThat(rest.get("/api/v4/posts/" + postId, world.bot().token()).json()).isEqualTo(post);
        }
    }

    @Test
    void theBotsOwnThreadPostsReachItTooWithRootIdsAndEachEventTakesTheNextSeq() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            ws.nextEvent("hello");

            String rootId = rest.post("/api/v4/posts", world.bot().token(),
                    Map.of("channel_id", world.channelId(), "message", "New message from Teams")).json().get("id")
                    .stringValue();
            String replyId = control.postToBot(world.userId(), "my answer", rootId);
            rest.post("/api/v4/posts", world.bot().token(),
                    Map.of("channel_id", world.channelId(), "message", "Sent to Teams", "root_id", rootId));

            JsonNode root = ws.nextEvent("posted");
            JsonNode reply = ws.nextEvent("posted");
            JsonNode confirmation = ws.nextEvent("posted");
            assertThat(List.of(root.get("seq").asLong(), reply.get("seq").asLong(), confirmation.get("seq").asLong()))
                    .containsExactly(1L, 2L, 3L);
            assertThat(root.get("data").has("mentions")).isFalse();
            JsonNode rootPost = parse(root);
            JsonNode replyPost = parse(reply);
            JsonNode confirmationPost = parse(confirmation);
            assertThat(rootPost.get("root_id").stringValue()).isEmpty();
            assertThat(rootPost.get("props").get("from_bot").stringValue()).isEqualTo("true");
            assertThat(replyPost.get("id").stringValue()).isEqualTo(replyId);
            assertThat(replyPost.get("root_id").stringValue()).isEqualTo(rootId);
            assertThat(confirmationPost.get("root_id").stringValue()).isEqualTo(rootId);
            assertThat(confirmationPost.get("user_id").stringValue()).isEqualTo(world.bot().userId());
        }
    }

    @Test
    void postsInChannelsTheUserIsNotInDoNotReachTheirSocket() {
        World mine = world();
        World other = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), mine.bot().token())) {
            ws.nextEvent("hello");

            control.postToBot(other.userId(), "not for you");
            String minePost = control.postToBot(mine.userId(), "for you");

            JsonNode first = ws.nextEvent("posted");
            assertThat(parse(first).get("id").stringValue()).isEqualTo(minePost);
            assertThat(first.get("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void bothMembersOfTheDirectChannelGetThePostAndOnlyTheOtherOneIsMentioned() {
        World world = world();
        String userToken = control.createToken(world.userId());
        try (WsClient bot = WsClient.connect(emulator.baseUrl(), world.bot().token());
                WsClient user = WsClient.connect(emulator.baseUrl(), userToken)) {
            bot.nextEvent("hello");
            user.nextEvent("hello");

            rest.post("/api/v4/posts", world.bot().token(), Map.of("channel_id", world.channelId(), "message", "hi"));

            assertThat(user.nextEvent("posted").get("data").get("mentions").stringValue())
                    .isEqualTo("[\"" + world.userId() + "\"]");
            assertThat(bot.nextEvent("posted").get("data").has("mentions")).isFalse();
        }
    }

    @Test
    void editsDeletionsAndReactionsReachTheChannelsMembers() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            ws.nextEvent("hello");
            String postId = rest.post("/api/v4/posts", world.bot().token(),
                    Map.of("channel_id", world.channelId(), "message", "first")).json().get("id").stringValue();
            ws.nextEvent("posted");

            rest.put("/api/v4/posts/" + postId + "/patch", world.bot().token(), Map.of("message", "edited"));
            assertThat(ws.nextPost("post_edited").get("message").stringValue()).isEqualTo("edited");

            rest.post("/api/v4/reactions", world.bot().token(),
                    Map.of("user_id", world.bot().userId(), "post_id", postId, "emoji_name", "thumbsup"));
            JsonNode added = ws.nextEvent("reaction_added");
            assertThat(added.get("data").get("reaction").stringValue()).contains("\"emoji_name\":\"thumbsup\"")
                    .contains("\"post_id\":\"" + postId + "\"");

            rest.delete("/api/v4/users/me/posts/" + postId + "/reactions/thumbsup", world.bot().token());
            assertThat(ws.nextEvent("reaction_removed").get("data").get("reaction").stringValue())
                    .contains("\"emoji_name\":\"thumbsup\"");

            rest.delete("/api/v4/posts/" + postId, world.bot().token());
            JsonNode deleted = ws.nextEvent("post_deleted");
            assertThat(deleted.get("broadcast").get("contains_sanitized_data").booleanValue()).isTrue();
            assertThat(deleted.get("data").has("delete_by")).isFalse();
            assertThat(deleted.get("seq").asLong()).isEqualTo(5);
        }
    }

    @Test
    void pingIsAnsweredWithPongAndUnknownOrMalformedActionsWithTheRoutersErrors() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            ws.nextEvent("hello");

            ws.send(Map.of("seq", 7, "action", "ping"));
            JsonNode pong = ws.next();
            ws.send(Map.of("seq", 8, "action", "get_everything"));
            JsonNode unknown = ws.next();
            ws.send(Map.of("seq", 0, "action", "ping"));
            JsonNode badSeq = ws.next();
            ws.send(Map.of("seq", 9, "action", "user_typing", "data", Map.of("channel_id", world.channelId())));
            JsonNode typing = ws.next();
            ws.send(Map.of("seq", 10, "action", "user_typing", "data", Map.of("channel_id", Ids.newId())));
            JsonNode typingElsewhere = ws.next();

            assertThat(pong.get("status").stringValue()).isEqualTo("OK");
            assertThat(pong.get("seq_reply").asLong()).isEqualTo(7);
            assertThat(pong.get("data").get("text").stringValue()).isEqualTo("pong");
            assertThat(unknown.get("status").stringValue()).isEqualTo("FAIL");
            assertThat(unknown.get("seq_reply").asLong()).isEqualTo(8);
            assertThat(unknown.get("error").get("id").stringValue()).isEqualTo("api.web_socket_router.bad_action.app_error");
            assertThat(badSeq.get("error").get("id").stringValue()).isEqualTo("api.web_socket_router.bad_seq.app_error");
            assertThat(typing.get("status").stringValue()).isEqualTo("OK");
            assertThat(typingElsewhere.get("error").get("id").stringValue())
                    .isEqualTo("api.websocket_handler.invalid_param.app_error");
        }
    }

    @Test
    void typingReachesTheChannelsOtherMemberButNotTheTypist() {
        World world = world();
        try (WsClient bot = WsClient.connect(emulator.baseUrl(), world.bot().token());
                WsClient user = WsClient.connect(emulator.baseUrl(), control.createToken(world.userId()))) {
            bot.nextEvent("hello");
            user.nextEvent("hello");

            user.send(Map.of("seq", 1, "action", "user_typing", "data", Map.of("channel_id", world.channelId())));

            JsonNode typing = bot.nextEvent("typing");
            assertThat(typing.get("data").get("user_id").stringValue()).isEqualTo(world.userId());
            assertThat(typing.get("broadcast").get("omit_users").has(world.userId())).isTrue();
            // The typist's own next frame is the reply to its action, not the event.
            assertThat(user.next().get("seq_reply").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aMessageThatIsNotJsonClosesTheSocket() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            ws.nextEvent("hello");

            ws.send("this is not json");

            ws.awaitClosed();
        }
    }

    @Test
    void aDownServerRefusesTheUpgradeWithItsStatus() {
        control.faults(Map.of("down", true, "status", 503));
        try {
            URI uri = URI.create("ws://127.0.0.1:" + emulator.baseUrl().getPort() + "/api/v4/websocket");
            CompletionException refused = org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class,
                    () -> HttpClient.newHttpClient().newWebSocketBuilder()
                            .buildAsync(uri, new WebSocket.Listener() {}).join());

            assertThat(refused.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
            assertThat(((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
                    .isEqualTo(503);
        } finally {
            control.faults(Map.of());
        }
    }

    private static JsonNode parse(JsonNode event) {
        return io.teamsbridge.emulators.http.Json.parse(event.get("data").get("post").stringValue().getBytes());
    }
}
