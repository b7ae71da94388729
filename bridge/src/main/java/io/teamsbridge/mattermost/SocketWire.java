package io.teamsbridge.mattermost;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.teamsbridge.mattermost.MattermostWire.Post;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mattermost's WebSocket frames, read once at the edge. The server sends events
 * ({@code {"event", "data", "broadcast", "seq"}}, {@code seq} counting per connection) and replies
 * to the client's own actions ({@code {"status", "seq_reply", "data"|"error"}}, no {@code seq}).
 * Anything else, or text that is not such JSON, is not a frame and is skipped. {@link Receiver} is
 * one socket's receiving end; {@link Position} is what those {@code seq}s mean across sockets.
 */
final class SocketWire {
    private static final Logger log = LoggerFactory.getLogger(SocketWire.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static final String HELLO = "hello";
    static final String POSTED = "posted";

    private SocketWire() {}

    /**
     * One frame from the server.
     *
     * @param event the event's name, or null for a reply
     * @param seq the event's place in its connection, or null for a reply
     * @param seqReply for a reply, the {@code seq} of the client action it answers
     * @param errorStatus for a failed reply ({@code "status": "FAIL"}), its HTTP-like status code
     *     (401: the socket is not authenticated)
     */
    record Frame(String event, JsonNode data, Long seq, Long seqReply, Integer errorStatus) {

        boolean isEvent() {
            return event != null && seq != null;
        }

        boolean isReply() {
            return seq == null && seqReply != null;
        }

        /** A text field of {@code data}, or "" when absent. */
        String text(String field) {
            JsonNode value = data.path(field);
            return value.isString() ? value.stringValue() : "";
        }
    }

    /** What a {@code posted} event carries: the post, and the type of its channel ("D" for direct). */
    record Posted(Post post, String channelType) {}

    static Optional<Frame> parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            log.debug("Skipped a WebSocket message that is not JSON: {}", e.getOriginalMessage());
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode event = node.path("event");
        JsonNode error = node.path("error").path("status_code");
        return Optional.of(new Frame(event.isString() ? event.stringValue() : null, node.path("data"),
                longOrNull(node.path("seq")), longOrNull(node.path("seq_reply")),
                error.isIntegralNumber() ? error.intValue() : null));
    }

    /**
     * The post of a {@code posted} event. {@code data.post} is the post's JSON as a string, as the
     * REST API returns it; a frame without a readable one is skipped with a log line.
     */
    static Optional<Posted> posted(Frame frame) {
        String json = frame.text("post");
        if (json.isEmpty()) {
            log.warn("Skipped a Mattermost 'posted' event (seq {}) without a post.", frame.seq());
            return Optional.empty();
        }
        try {
            return Optional.of(new Posted(JSON.readValue(json, Post.class), frame.text("channel_type")));
        } catch (JacksonException e) {
            log.warn("Skipped a Mattermost 'posted' event (seq {}) whose post could not be read: {}", frame.seq(),
                    e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** A client action ({@code WebSocketRequest}): {@code {"seq", "action"}}. */
    static String action(long seq, String action) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("seq", seq);
        request.put("action", action);
        return JSON.writeValueAsString(request);
    }

    /**
     * Where the bot is in its connection's events (reliable WebSockets): the connection id, the last
     * {@code seq}, and when that event came. It gives the resume query, and says when an event shows
     * that some may have been missed: a {@code hello} on the first connect, or with a new id (the
     * server could not resume); or a {@code seq} that is not the next one. The stream's loop thread
     * alone changes it.
     */
    static final class Position {
        private final Instant startedAt;
        private volatile String connectionId;
        private long lastSeq = -1;
        private Instant lastEventAt;

        /** @param startedAt since when events count as missed until the first one arrives */
        Position(Instant startedAt) {
            this.startedAt = startedAt;
        }

        Optional<String> connectionId() {
            return Optional.ofNullable(connectionId);
        }

        /** {@code connection_id=…&sequence_number=<last seq + 1>}, once there is a connection to resume. */
        Optional<String> resumeQuery() {
            String id = connectionId;
            return id == null ? Optional.empty() : Optional.of("connection_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "&sequence_number=" + (lastSeq + 1));
        }

        /** Takes an event in; answers since when events may have been missed, if they may. */
        Optional<Instant> take(Frame event, Instant now) {
            Instant before = lastEventAt != null ? lastEventAt : startedAt;
            boolean missed;
            if (HELLO.equals(event.event())) {
                String id = event.text("connection_id");
                missed = !id.equals(connectionId);
                connectionId = id;
            } else {
                missed = event.seq() != lastSeq + 1;
                if (missed) {
                    log.info("Mattermost's WebSocket went from seq {} to {}: events may have been missed.", lastSeq,
                            event.seq());
                }
            }
            lastSeq = event.seq();
            lastEventAt = now;
            return missed ? Optional.of(before) : Optional.empty();
        }
    }

    private static Long longOrNull(JsonNode node) {
        return node.isIntegralNumber() ? node.longValue() : null;
    }

    /**
     * Joins a text message that arrives in parts (the JDK hands over a message as its frames, or a
     * large one in pieces). A message longer than the cap is dropped whole, with a log line: if it
     * was an event, the next one shows a {@code seq} gap and the stream reports what may be missed.
     */
    static final class TextAssembler {
        private final int maxChars;
        private final StringBuilder parts = new StringBuilder();
        private long dropped = -1;

        TextAssembler(int maxChars) {
            this.maxChars = maxChars;
        }

        /** The whole message once its last part is in; empty while parts are missing, or when it was too long. */
        Optional<String> add(CharSequence part, boolean last) {
            if (dropped >= 0) {
                dropped += part.length();
            } else if (parts.length() + part.length() > maxChars) {
                dropped = parts.length() + (long) part.length();
                parts.setLength(0);
                parts.trimToSize();
            } else {
                parts.append(part);
            }
            if (!last) {
                return Optional.empty();
            }
            if (dropped >= 0) {
                log.warn("Dropped a Mattermost WebSocket message of {} characters (more than {}); if it was an event, "
                        + "the gap it leaves is reported as possibly missed.", dropped, maxChars);
                dropped = -1;
                return Optional.empty();
            }
            String whole = parts.toString();
            parts.setLength(0);
            if (parts.capacity() > 64 * 1024) {
                parts.trimToSize();
            }
            return Optional.of(whole);
        }
    }

    /**
     * One socket's receiving end (the JDK's listener): joins text parts, notes when it last heard
     * anything (a frame, a ping or a pong, to tell a live socket from a half-open one), and hands
     * whole frames and the socket's end on. The JDK calls it one message at a time.
     */
    static final class Receiver implements WebSocket.Listener {
        /** The code the JDK reports when the connection ended without a close frame. */
        private static final int ABNORMAL_CLOSURE = 1006;

        /** Where frames and the end go; called on the JDK's threads, in order. */
        interface Sink {
            void frame(Frame frame);

            /** @param closed whether the server closed the socket (else it broke, or the client dropped it) */
            void ended(String reason, boolean closed);
        }

        private final Sink sink;
        private final TextAssembler text;
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private volatile long heardNanos = System.nanoTime();

        Receiver(Sink sink, int maxMessageChars) {
            this.sink = sink;
            this.text = new TextAssembler(maxMessageChars);
        }

        long heardNanos() {
            return heardNanos;
        }

        /** Completes when the socket has closed, either way. */
        CompletableFuture<Void> closed() {
            return closed;
        }

        private void heard(WebSocket socket) {
            heardNanos = System.nanoTime();
            socket.request(1);
        }

        @Override
        public void onOpen(WebSocket socket) {
            heard(socket);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.add(data, last).flatMap(SocketWire::parse).ifPresent(sink::frame);
            heard(socket);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            heard(socket);
            return null;
        }

        /** The JDK answers the ping itself. */
        @Override
        public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
            heard(socket);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
            heard(socket);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(null);
            sink.ended(statusCode == ABNORMAL_CLOSURE ? "the connection closed without a close frame"
                    : "closed by Mattermost, " + statusCode + (reason.isEmpty() ? "" : " " + reason), true);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(null);
            sink.ended(describe(error), false);
        }
    }

    /** An exception as a short reason: its type, and its message when there is one. */
    static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.toString();
    }
}
