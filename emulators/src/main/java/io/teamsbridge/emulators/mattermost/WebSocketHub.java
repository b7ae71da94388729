package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.WebSocketConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's WebSocket hub: every authenticated connection ({@link WebConn}) by connection id,
 * active or waiting for its client to come back, and the broadcast of events to the connections
 * that should get them ({@code WebConn.ShouldSendEvent}: the user, or the members of the channel;
 * sanitized copies to non-admins, sensitive ones to admins).
 *
 * <p>Reconnects follow the server: a connection id is found again only if it belongs to the same
 * user and its socket is gone; an inactive connection is reaped when its last connect is more than
 * five minutes old by the emulator's clock (the server's reaper runs every five minutes, so there
 * it may live up to ten). Sockets get a ping every minute. One daemon thread runs the timers.
 */
final class WebSocketHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebSocketHub.class);
    private static final Duration PING_INTERVAL = Duration.ofSeconds(60);

    private final ChannelStore channels;
    private final ServerConfig config;
    private final Clock clock;
    /** Guarded by {@code this}. */
    private final Map<String, WebConn> connections = new LinkedHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mattermost-emulator-websocket");
        thread.setDaemon(true);
        return thread;
    });

    WebSocketHub(ChannelStore channels, ServerConfig config, Clock clock) {
        this.channels = channels;
        this.config = config;
        this.clock = clock;
        timers.scheduleAtFixedRate(this::pingAll, PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Registers an authenticated socket, as {@code connectWebSocket} with
     * {@code PopulateWebConnConfig}: with a {@code connection_id} this user's inactive connection
     * resumes from {@code sequence_number}; an unknown (or reaped, or still active) id makes a new
     * connection; a malformed id, or a known one with a missing or malformed sequence number, is
     * refused (empty), and the caller closes the socket.
     */
    synchronized Optional<WebConn> connect(User user, String connectionId, String sequenceNumber,
            WebSocketConnection socket) {
        reapStale();
        if (connectionId.isEmpty()) {
            return Optional.of(fresh(user, socket));
        }
        if (!Ids.isValid(connectionId)) {
            return Optional.empty();
        }
        WebConn known = connections.get(connectionId);
        if (known == null || !known.userId().equals(user.id()) || known.isActive()) {
            return Optional.of(fresh(user, socket));
        }
        // The server takes the connection out of its index before it reads the sequence number.
        connections.remove(connectionId);
        long requested;
        try {
            requested = sequenceNumber == null ? -1 : Long.parseLong(sequenceNumber);
        } catch (NumberFormatException e) {
            requested = -1;
        }
        if (requested < 0) {
            return Optional.empty();
        }
        String id = known.resume(socket, requested, clock.millis(), newId -> hello(newId, known.userId()));
        connections.put(id, known);
        return Optional.of(known);
    }

    /** A new connection for a socket that authenticated after the upgrade ({@code authentication_challenge}). */
    synchronized WebConn connectFresh(User user, WebSocketConnection socket) {
        reapStale();
        return fresh(user, socket);
    }

    /** Sends the event to every connection that should get it, or queues it for those waiting for their client. */
    void publish(WebSocketEvent event) {
        List<WebConn> targets;
        synchronized (this) {
            targets = new ArrayList<>(connections.values());
        }
        List<WebConn> givenUp = new ArrayList<>();
        for (WebConn conn : targets) {
            if (shouldSend(conn, event) && !conn.deliver(event.forUser(conn.userId()))) {
                givenUp.add(conn);
            }
        }
        if (!givenUp.isEmpty()) {
            synchronized (this) {
                givenUp.forEach(conn -> connections.remove(conn.connectionId(), conn));
            }
            givenUp.forEach(conn -> log.info("Mattermost emulator gave up WebSocket connection {} of user {}: more than {}"
                    + " events waited for the client to come back", conn.connectionId(), conn.userId(),
                    WebConn.SEND_QUEUE_SIZE));
        }
    }

    /** The socket closed: its connection stays, inactive, for the client to resume. */
    void detach(WebConn conn, WebSocketConnection socket) {
        conn.detach(socket);
    }

    /**
     * Drops every socket without a close frame, as a network failure does. With {@code forget} the
     * connections are forgotten too, as a server restart forgets them, so a resume gets a new
     * {@code hello}. Returns how many sockets were dropped.
     */
    int drop(boolean forget) {
        List<WebSocketConnection> sockets = new ArrayList<>();
        synchronized (this) {
            for (WebConn conn : connections.values()) {
                conn.deactivate().ifPresent(sockets::add);
            }
            if (forget) {
                connections.clear();
            }
        }
        sockets.forEach(WebSocketConnection::disconnect);
        return sockets.size();
    }

    synchronized List<WebConn.View> list() {
        reapStale();
        return connections.values().stream().map(WebConn::view).toList();
    }

    /** Runs the check after the delay on the hub's timer thread. */
    void later(Duration delay, Runnable check) {
        timers.schedule(() -> {
            try {
                check.run();
            } catch (RuntimeException e) {
                log.warn("Mattermost emulator WebSocket timer failed; the next one runs as planned", e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    /** {@code createHelloMessage}: to the connection's user only, with {@code seq} 0. */
    private WebSocketEvent hello(String connectionId, String userId) {
        String version = config.current().version();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("connection_id", connectionId);
        data.put("server_version", version + "." + version + "." + configHash(version) + ".false");
        data.put("server_hostname", "mattermost-emulator");
        return new WebSocketEvent(WebSocketEvent.HELLO, data, WebSocketEvent.Broadcast.toUser(userId));
    }

    private WebConn fresh(User user, WebSocketConnection socket) {
        WebConn conn = new WebConn(Ids.newId(), user);
        conn.open(socket, clock.millis(), hello(conn.connectionId(), user.id()));
        connections.put(conn.connectionId(), conn);
        return conn;
    }

    private boolean shouldSend(WebConn conn, WebSocketEvent event) {
        WebSocketEvent.Broadcast to = event.broadcast();
        if (to.containsSanitizedData() && conn.isAdmin() || to.containsSensitiveData() && !conn.isAdmin()) {
            return false;
        }
        if (!to.connectionId().isEmpty()) {
            return to.connectionId().equals(conn.connectionId());
        }
        if (!to.userId().isEmpty()) {
            return to.userId().equals(conn.userId());
        }
        if (to.omitUsers().contains(conn.userId())) {
            return false;
        }
        if (!to.channelId().isEmpty()) {
            return channels.isMember(to.channelId(), conn.userId());
        }
        return true;
    }

    private void reapStale() {
        long now = clock.millis();
        connections.values().removeIf(conn -> conn.isStale(now) || conn.isGivenUp());
    }

    /** Catches everything: a periodic task that throws is never run again. */
    private void pingAll() {
        try {
            List<WebConn> targets;
            synchronized (this) {
                targets = new ArrayList<>(connections.values());
            }
            targets.forEach(WebConn::ping);
        } catch (RuntimeException e) {
            log.warn("Mattermost emulator could not ping its WebSocket clients; it tries again in {} s",
                    PING_INTERVAL.toSeconds(), e);
        }
    }

    /** Stands in for the server's client-config hash: stable for a version, different across versions. */
    private static String configHash(String version) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(version.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
