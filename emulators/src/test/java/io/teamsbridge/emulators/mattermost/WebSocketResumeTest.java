package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reliable WebSockets: reconnecting with {@code connection_id} and {@code sequence_number}, and
 * the control API that drops connections to make clients reconnect.
 */
class WebSocketResumeTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-03T09:00:00Z"));
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

    private record World(MattermostControlClient.Bot bot, String userId, String channelId) {}

    /** A bot, a user, and their direct channel (which the bot opens, as the bridge does). */
    private static World world() {
        int n = NAMES.incrementAndGet();
        MattermostControlClient.Bot bot = control.createBot("resumebot" + n, "Resume Bot " + n, null);
        String userId = control.createUser("resumeuser" + n, "resumeuser" + n + "@example.com");
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json()
                .get("id").stringValue();
        return new World(bot, userId, channelId);
    }

    /** Connects the bot and reads its hello; answers the connection id. */
    private static String helloOf(WsClient ws) {
        JsonNode hello = ws.nextEvent("hello");
        assertThat(hello.get("seq").asLong()).isZero();
        return hello.get("data").get("connection_id").stringValue();
    }

    /** Drops the sockets as a network failure would, and waits until this client has noticed. */
    private static void dropAndWait(WsClient ws) {
        assertThat(control.dropWebSockets()).isPositive();
        ws.awaitClosed();
    }

    private static long seq(JsonNode event) {
        return event.get("seq").asLong();
    }

    /** The id of the post a {@code posted} event carries. */
    private static String postIdOf(JsonNode event) {
        return io.teamsbridge.emulators.http.Json.parse(event.get("data").get("post").stringValue().getBytes())
                .get("id").stringValue();
    }

    @Test
    void aResumeWithinTheLast128EventsReplaysTheMissedOnesInOrderWithoutHello() {
        World world = world();
        String connectionId;
        List<String> ids = new ArrayList<>();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            connectionId = helloOf(ws);
            for (int i = 1; i <= 3; i++) {
                ids.add(control.postToBot(world.userId(), "reply " + i));
                assertThat(ws.nextEvent("posted").get("seq").asLong()).isEqualTo(i);
            }
            dropAndWait(ws);
        }

        // The client claims it only got up to seq 1, so 2 and 3 must come again.
        try (WsClient ws = WsClient.resume(emulator.baseUrl(), world.bot().token(), connectionId, 2)) {
            JsonNode second = ws.next();
            JsonNode third = ws.next();
            String later = control.postToBot(world.userId(), "reply 4");
            JsonNode fourth = ws.next();

            assertThat(second.get("event").stringValue()).isEqualTo("posted");
            assertThat(List.of(seq(second), seq(third), seq(fourth))).containsExactly(2L, 3L, 4L);
            assertThat(postIdOf(second)).isEqualTo(ids.get(1));
            assertThat(postIdOf(third)).isEqualTo(ids.get(2));
            assertThat(postIdOf(fourth)).isEqualTo(later);
            assertThat(control.webSockets()).anySatisfy(c -> {
                assertThat(c.get("connectionId").stringValue()).isEqualTo(connectionId);
                assertThat(c.get("active").booleanValue()).isTrue();
            });
        }
    }

    @Test
    void eventsWhileTheClientIsAwayArriveWhenItResumesFromItsNextSeq() {
        World world = world();
        String connectionId;
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            connectionId = helloOf(ws);
            dropAndWait(ws);
        }
        String first = control.postToBot(world.userId(), "while away 1");
        String second = control.postToBot(world.userId(), "while away 2");

        try (WsClient ws = WsClient.resume(emulator.baseUrl(), world.bot().token(), connectionId, 1)) {
            JsonNode one = ws.nextEvent("posted");
            JsonNode two = ws.nextEvent("posted");

            assertThat(List.of(seq(one), seq(two))).containsExactly(1L, 2L);
            assertThat(postIdOf(one)).isEqualTo(first);
            assertThat(postIdOf(two)).isEqualTo(second);
        }
    }

    @Test
    void aResumeBeyondTheLast128EventsGetsANewConnectionIdAndHello() {
        World world = world();
        String connectionId;
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            connectionId = helloOf(ws);
            for (int i = 1; i <= 130; i++) {
                rest.post("/api/v4/posts", world.bot().token(), Map.of("channel_id", world.channelId(), "message", "n" + i));
            }
            for (int i = 1; i <= 130; i++) {
                assertThat(ws.nextEvent("posted").get("seq").asLong()).isEqualTo(i);
            }
            dropAndWait(ws);
        }

        // seq 1 has left the dead queue (it holds 3..130).
        try (WsClient ws = WsClient.resume(emulator.baseUrl(), world.bot().token(), connectionId, 1)) {
            String newId = helloOf(ws);

            assertThat(newId).isNotEqualTo(connectionId);
            control.postToBot(world.userId(), "after the gap");
            assertThat(ws.nextEvent("posted").get("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aResumeWithNothingMissedSendsNothingUntilTheNextEvent() {
        World world = world();
        String connectionId;
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            connectionId = helloOf(ws);
            control.postToBot(world.userId(), "seen");
            ws.nextEvent("posted");
            dropAndWait(ws);
        }

        try (WsClient ws = WsClient.resume(emulator.baseUrl(), world.bot().token(), connectionId, 2)) {
            String next = control.postToBot(world.userId(), "next");

            JsonNode first = ws.next();
            assertThat(first.get("event").stringValue()).isEqualTo("posted");
            assertThat(first.get("seq").asLong()).isEqualTo(2);
            assertThat(postIdOf(first)).isEqualTo(next);
        }
    }

    @Test
    void afterARestartAResumeGetsANewConnectionIdAndHello() {
        World world = world();
        String connectionId;
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            connectionId = helloOf(ws);
            assertThat(control.dropWebSockets(true)).isPositive();
            ws.awaitClosed();
        }
        assertThat(control.webSockets()).noneSatisfy(c ->
                assertThat(c.get("connectionId").stringValue()).isEqualTo(connectionId));

        try (WsClient ws = WsClient.resume(emulator.baseUrl(), world.bot().token(), connectionId, 1)) {
            assertThat(helloOf(ws)).isNotEqualTo(connectionId);
        }
    }

    @Test
    void aConnectionIdleForMoreThanFiveMinutesIsReapedSoAResumeGetsANewHello() {
        World world = world();
        String connectionId;
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            connectionId = helloOf(ws);
            dropAndWait(ws);
        }
        CLOCK.advance(Duration.ofMinutes(6));

        try (WsClient ws = WsClient.resume(emulator.baseUrl(), world.bot().token(), connectionId, 1)) {
            assertThat(helloOf(ws)).isNotEqualTo(connectionId);
        }
    }

    @Test
    void anUnknownConnectionIdGetsAFreshConnection() {
        World world = world();
        String unknown = Ids.newId();

        try (WsClient ws = WsClient.resume(emulator.baseUrl(), world.bot().token(), unknown, 5)) {
            assertThat(helloOf(ws)).isNotEqualTo(unknown);
        }
    }

    @Test
    void aKnownConnectionIdWithoutASequenceNumberOrAMalformedIdClosesTheSocket() {
        World world = world();
        String connectionId;
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            connectionId = helloOf(ws);
            dropAndWait(ws);
        }

        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token(), "connection_id=" + connectionId)) {
            ws.awaitClosed();
        }
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token(), "connection_id=short&sequence_number=1")) {
            ws.awaitClosed();
        }
    }

    @Test
    void anotherUsersConnectionIdIsNotResumed() {
        World mine = world();
        World theirs = world();
        String theirId;
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), theirs.bot().token())) {
            theirId = helloOf(ws);
            dropAndWait(ws);
        }

        try (WsClient ws = WsClient.resume(emulator.baseUrl(), mine.bot().token(), theirId, 1)) {
            assertThat(helloOf(ws)).isNotEqualTo(theirId);
        }
    }

    @Test
    void droppedConnectionsAreListedInactiveUntilTheirClientComesBack() {
        World world = world();
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), world.bot().token())) {
            String connectionId = helloOf(ws);
            assertThat(control.webSockets()).anySatisfy(c -> {
                assertThat(c.get("connectionId").stringValue()).isEqualTo(connectionId);
                assertThat(c.get("userId").stringValue()).isEqualTo(world.bot().userId());
                assertThat(c.get("active").booleanValue()).isTrue();
                assertThat(c.get("sequence").asLong()).isEqualTo(1);
            });

            dropAndWait(ws);

            assertThat(control.webSockets()).anySatisfy(c -> {
                assertThat(c.get("connectionId").stringValue()).isEqualTo(connectionId);
                assertThat(c.get("active").booleanValue()).isFalse();
            });
        }
    }
}
