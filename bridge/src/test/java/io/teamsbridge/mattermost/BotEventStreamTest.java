package io.teamsbridge.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import io.teamsbridge.emulators.mattermost.MattermostEmulator;
import io.teamsbridge.emulators.mattermost.MattermostEmulatorOptions;
import io.teamsbridge.mattermost.BotEventStream.Timings;
import io.teamsbridge.mattermost.MattermostWire.Post;
import io.teamsbridge.testing.MutableClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The bot's WebSocket against the Mattermost emulator on loopback: posts arrive whole, a drop
 * resumes without loss, a forgotten connection (or the first connect) makes the listener look
 * back, and stopping or a bad token never leaves it spinning. A silent peer stands in for a
 * half-open connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class BotEventStreamTest {
    private static final Timings FAST = new Timings(Duration.ofMillis(300), Duration.ofMillis(600),
            Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(1));
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;

    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T09:00:00Z"));
    private final Heard heard = new Heard();
    private BotEventStream stream;

    @BeforeAll
    static void startEmulator() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults());
        control = emulator.control();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @AfterEach
    void stopStream() {
        if (stream != null) {
            stream.stop();
        }
        http.shutdownNow();
    }

    /** What the listener was told, in order; it throws after each post when {@link #failing}. */
    private static final class Heard implements BotEventListener {
        final List<Post> posts = new CopyOnWriteArrayList<>();
        final List<String> channelTypes = new CopyOnWriteArrayList<>();
        final List<Instant> missed = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public void posted(Post post, String channelType) {
            posts.add(post);
            channelTypes.add(channelType);
            if (failing) {
                throw new IllegalStateException("a listener that fails");
            }
        }

        @Override
        public void mayHaveMissed(Instant since) {
            missed.add(since);
        }

        Post awaitPost(String id) {
            await().atMost(Duration.ofSeconds(5)).until(() -> posts.stream().anyMatch(p -> p.id().equals(id)));
            return posts.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private record Bot(String id, String token, String userId) {}

    /** A bot and a user to write to it; each test has its own, so no other test's posts reach it. */
    private static Bot bot() {
        int n = NAMES.incrementAndGet();
        MattermostControlClient.Bot bot = control.createBot("streambot" + n, "Stream Bot " + n, null);
        return new Bot(bot.userId(), bot.token(), control.createUser("streamuser" + n, "streamuser" + n + "@example.com"));
    }

    private String write(Bot bot, String message, String rootId) {
        return control.postToBot(bot.userId(), bot.id(), message, rootId);
    }

    private BotEventStream start(URI url, String token, Timings timings) {
        MattermostProperties settings = new MattermostProperties(url, token, "msteams", Duration.ofMinutes(2),
                Duration.ofSeconds(2));
        stream = new BotEventStream(settings, http, heard, clock, timings);
        stream.start();
        return stream;
    }

    private BotEventStream connected(Bot bot) {
        start(emulator.baseUrl(), bot.token(), FAST);
        await().atMost(Duration.ofSeconds(5)).until(stream::connected);
        return stream;
    }

    private static Optional<Boolean> activeSocketOf(Bot bot) {
        return control.webSockets().stream().filter(c -> c.get("userId").stringValue().equals(bot.id()))
                .map(c -> c.get("active").booleanValue()).reduce(Boolean::logicalOr);
    }

    @Test
    void aUsersPostToTheBotArrivesWholeWithItsDirectChannelTypeEvenAfterTheListenerThrew() {
        Bot bot = bot();
        connected(bot);
        heard.failing = true;

        String root = write(bot, "Hello bot", null);
        String reply = write(bot, "In the thread", root);
        Post got = heard.awaitPost(reply);

        assertThat(got.userId()).isEqualTo(bot.userId());
        assertThat(got.rootId()).isEqualTo(root);
        assertThat(got.message()).isEqualTo("In the thread");
        assertThat(got.channelId()).isNotBlank();
        assertThat(heard.posts).extracting(Post::id).containsExactly(root, reply);
        assertThat(heard.channelTypes).containsExactly("D", "D");
    }

    @Test
    void theFirstConnectSaysOnceThatEventsSinceTheStartMayHaveBeenMissed() {
        Bot bot = bot();
        Instant startedAt = clock.instant();
        connected(bot);
        clock.advance(Duration.ofMinutes(5));

        heard.awaitPost(write(bot, "after the connect", null));

        assertThat(heard.missed).containsExactly(startedAt);
    }

    @Test
    void aDroppedSocketResumesAndGetsThePostMadeWhileItWasAway() {
        Bot bot = bot();
        connected(bot);
        String connectionId = stream.connectionId().orElseThrow();
        heard.awaitPost(write(bot, "before the drop", null));

        assertThat(control.dropWebSockets(false)).isPositive();
        String whileAway = write(bot, "while away", null);

        assertThat(heard.awaitPost(whileAway).message()).isEqualTo("while away");
        assertThat(heard.missed).hasSize(1);
        assertThat(stream.connectionId()).contains(connectionId);
        assertThat(stream.connected()).isTrue();
    }

    @Test
    void aConnectionTheServerForgotMakesTheListenerLookBackFromTheLastEvent() {
        Bot bot = bot();
        connected(bot);
        String forgotten = stream.connectionId().orElseThrow();
        clock.advance(Duration.ofHours(1));
        heard.awaitPost(write(bot, "the last before the break", null));
        Instant lastEvent = clock.instant();
        clock.advance(Duration.ofHours(1));

        assertThat(control.dropWebSockets(true)).isPositive();

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.missed.size() == 2);
        assertThat(heard.missed.get(1)).isEqualTo(lastEvent);
        assertThat(stream.connectionId()).isPresent().get().isNotEqualTo(forgotten);
        heard.awaitPost(write(bot, "on the new connection", null));
    }

    @Test
    void stopClosesTheSocketPromptlyAndNothingReconnects() {
        Bot bot = bot();
        connected(bot);
        assertThat(activeSocketOf(bot)).contains(true);

        long before = System.nanoTime();
        stream.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(500));
        assertThat(stream.connected()).isFalse();
        assertThat(stream.isRunning()).isFalse();
        await().atMost(Duration.ofSeconds(2)).until(() -> activeSocketOf(bot).equals(Optional.of(false)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> activeSocketOf(bot).equals(Optional.of(false)));
    }

    @Test
    void aTokenMattermostDoesNotAcceptIsRetriedSlowlyWithoutTellingTheListener(CapturedOutput output) {
        String token = "notthebotstokennotthebotst";
        start(emulator.baseUrl(), token, new Timings(Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1)));

        await().atMost(Duration.ofSeconds(5)).until(() -> stream.failures() >= 3);
        long before = System.nanoTime();
        stream.stop();
        int failures = stream.failures();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(500));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> stream.failures() == failures);
        assertThat(heard.posts).isEmpty();
        assertThat(heard.missed).isEmpty();
        assertThat(stream.connected()).isFalse();
        assertThat(output.getAll()).contains("mattermost.bot-token is probably not valid").doesNotContain(token);
    }

    @Test
    void aPeerThatStopsAnsweringPingsIsDroppedAndResumedFromTheNextSeq() throws IOException {
        try (SilentPeer peer = new SilentPeer()) {
            start(URI.create("http://127.0.0.1:" + peer.port()), "sometoken", FAST);

            await().atMost(Duration.ofSeconds(5)).until(() -> peer.requests.size() >= 2);

            assertThat(peer.requests.getFirst()).startsWith("GET /api/v4/websocket HTTP/1.1")
                    .containsIgnoringCase("authorization: Bearer sometoken");
            assertThat(peer.requests.get(1)).startsWith("GET /api/v4/websocket?connection_id=silentpeer&sequence_number=1 ");
            assertThat(heard.missed).containsExactly(clock.instant());
        }
    }

    @Test
    void textInPartsIsJoinedAndAMessageOverTheCapIsDroppedWhole() {
        SocketWire.TextAssembler text = new SocketWire.TextAssembler(10);

        assertThat(text.add("{\"a\":", false)).isEmpty();
        assertThat(text.add("1}", true)).contains("{\"a\":1}");
        assertThat(text.add("0123456", false)).isEmpty();
        assertThat(text.add("789ab", true)).isEmpty();
        assertThat(text.add("next", true)).contains("next");
    }

    @Test
    void aSeqGapWithinAConnectionMeansEventsSinceTheLastOneMayHaveBeenMissed() {
        Instant start = clock.instant();
        SocketWire.Position position = new SocketWire.Position(start);

        assertThat(position.take(event("{\"event\":\"hello\",\"data\":{\"connection_id\":\"c1\"},\"seq\":0}"), start))
                .contains(start);
        assertThat(position.take(event("{\"event\":\"posted\",\"data\":{},\"seq\":1}"), start.plusSeconds(1))).isEmpty();
        assertThat(position.take(event("{\"event\":\"posted\",\"data\":{},\"seq\":3}"), start.plusSeconds(2)))
                .contains(start.plusSeconds(1));
        assertThat(position.resumeQuery()).contains("connection_id=c1&sequence_number=4");
    }

    private static SocketWire.Frame event(String json) {
        return SocketWire.parse(json).orElseThrow();
    }

    /**
     * A WebSocket server that says hello and answers the bot's first action, then reads and never
     * answers again (no pong): a half-open connection, as the client sees one.
     */
    private static final class SilentPeer implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        SilentPeer() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        sockets.add(socket);
                        Thread.ofVirtual().start(() -> serve(socket));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(Socket socket) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                StringBuilder request = new StringBuilder();
                String key = "";
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    request.append(line).append("\r\n");
                    if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                        key = line.substring(line.indexOf(':') + 1).trim();
                    }
                }
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(textFrame("{\"event\":\"hello\",\"data\":{\"connection_id\":\"silentpeer\"},\"seq\":0}"));
                out.write(textFrame("{\"status\":\"OK\",\"seq_reply\":1}"));
                out.flush();
                requests.add(request.toString());
                while (in.read() >= 0) {
                    // Reads the pings, and never answers them.
                }
            } catch (IOException | java.security.NoSuchAlgorithmException gone) {
                // The client went away.
            }
        }

        /** An unmasked, unfragmented server text frame (short payloads only). */
        private static byte[] textFrame(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[payload.length + 2];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) payload.length;
            System.arraycopy(payload, 0, frame, 2, payload.length);
            return frame;
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
