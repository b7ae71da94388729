package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.WebSocketConnection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One user's logical WebSocket connection, as the server's {@code WebConn} keeps it across
 * reconnects (reliable WebSockets): its connection id, the {@code seq} the next event gets, the
 * dead queue of the last {@value #DEAD_QUEUE_SIZE} events written (for replay), and while no
 * socket is attached the send queue of events still to write (at most {@value #SEND_QUEUE_SIZE};
 * one more and the connection is given up, as the hub does with a full send channel).
 *
 * <p>All state is guarded by {@code this}; a socket's frames are written under the lock, so each
 * connection sees its events in {@code seq} order. The hub locks itself before a connection, never
 * the other way round.
 */
final class WebConn {
    static final int DEAD_QUEUE_SIZE = 128;
    static final int SEND_QUEUE_SIZE = 256;
    /** The hub reaps inactive connections whose last activity is older than this. */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    /** An event as written, with the {@code seq} it went out with. */
    private record Written(long seq, WebSocketEvent event) {}

    /** What the control API shows of a connection. */
    record View(String connectionId, String userId, boolean active, long sequence) {}

    private final String userId;
    private final boolean admin;
    private String connectionId;
    private long sequence;
    private final ArrayDeque<Written> deadQueue = new ArrayDeque<>(DEAD_QUEUE_SIZE);
    private final ArrayDeque<WebSocketEvent> sendQueue = new ArrayDeque<>();
    private WebSocketConnection socket;
    private long connectedAt;
    private boolean givenUp;

    WebConn(String connectionId, User user) {
        this.connectionId = connectionId;
        this.userId = user.id();
        this.admin = user.isSystemAdmin();
    }

    String userId() {
        return userId;
    }

    boolean isAdmin() {
        return admin;
    }

    synchronized String connectionId() {
        return connectionId;
    }

    synchronized boolean isActive() {
        return socket != null;
    }

    synchronized boolean isGivenUp() {
        return givenUp;
    }

    /** Inactive, and connected last more than {@link #STALE_AFTER} ago: the reaper drops it. */
    synchronized boolean isStale(long now) {
        return socket == null && now - connectedAt > STALE_AFTER.toMillis();
    }

    synchronized View view() {
        return new View(connectionId, userId, socket != null, sequence);
    }

    /** A new connection's first socket: {@code hello} with {@code seq} 0. */
    synchronized void open(WebSocketConnection newSocket, long now, WebSocketEvent hello) {
        socket = newSocket;
        connectedAt = now;
        write(hello);
    }

    /**
     * A reconnect with {@code connection_id} and {@code sequence_number}, as the server's write pump
     * starts: the requested event still in the dead queue replays from there, in order, no
     * {@code hello}; nothing missed sends nothing; a gap the dead queue no longer covers gets a new
     * connection id, {@code seq} 0 and a {@code hello}. Then the events queued meanwhile follow.
     *
     * @return the connection id, new if events were lost
     */
    synchronized String resume(WebSocketConnection newSocket, long requestedSeq, long now,
            Function<String, WebSocketEvent> helloFor) {
        socket = newSocket;
        connectedAt = now;
        sequence = requestedSeq;
        if (requestedSeq != 0) {
            List<Written> replay = replayFrom(requestedSeq);
            if (!replay.isEmpty()) {
                for (Written written : replay) {
                    newSocket.sendText(written.event().encode(written.seq()));
                    sequence++;
                }
            } else if (!deadQueue.isEmpty() && deadQueue.getLast().seq() != requestedSeq - 1) {
                deadQueue.clear();
                connectionId = Ids.newId();
                sequence = 0;
                write(helloFor.apply(connectionId));
            }
        }
        while (!sendQueue.isEmpty()) {
            write(sendQueue.removeFirst());
        }
        return connectionId;
    }

    /**
     * Writes the event to the socket, or queues it while there is none.
     *
     * @return false once the send queue has overflowed: the connection is given up
     */
    synchronized boolean deliver(WebSocketEvent event) {
        if (givenUp) {
            return false;
        }
        if (socket != null) {
            write(event);
            return true;
        }
        sendQueue.addLast(event);
        if (sendQueue.size() > SEND_QUEUE_SIZE) {
            givenUp = true;
            sendQueue.clear();
            deadQueue.clear();
            return false;
        }
        return true;
    }

    /** A reply to a client action ({@code seq_reply}, no {@code seq}), if that socket is still this connection's. */
    synchronized void reply(WebSocketConnection from, String json) {
        if (socket == from) {
            from.sendText(json);
        }
    }

    /** The socket closed; true if it was this connection's current one. */
    synchronized boolean detach(WebSocketConnection closed) {
        if (socket != closed) {
            return false;
        }
        socket = null;
        return true;
    }

    /** Takes the socket away (the connection stays, inactive), for the caller to drop. */
    synchronized Optional<WebSocketConnection> deactivate() {
        WebSocketConnection current = socket;
        socket = null;
        return Optional.ofNullable(current);
    }

    synchronized void ping() {
        if (socket != null) {
            socket.sendPing();
        }
    }

    private void write(WebSocketEvent event) {
        long seq = sequence++;
        if (deadQueue.size() == DEAD_QUEUE_SIZE) {
            deadQueue.removeFirst();
        }
        deadQueue.addLast(new Written(seq, event));
        socket.sendText(event.encode(seq));
    }

    private List<Written> replayFrom(long seq) {
        List<Written> out = new ArrayList<>();
        boolean found = false;
        for (Written written : deadQueue) {
            found |= written.seq() == seq;
            if (found) {
                out.add(written);
            }
        }
        return out;
    }
}
