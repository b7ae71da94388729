package io.teamsbridge.mattermost;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.mattermost.SocketWire.Frame;
import io.teamsbridge.mattermost.SocketWire.Receiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The bot's end of Mattermost's WebSocket ({@code GET /api/v4/websocket}): one socket kept open
 * while the service runs, each {@code posted} event handed to the {@link BotEventListener}s, and a
 * word to them whenever events may have been missed ({@link SocketWire.Position}), so they look
 * back over REST. A lost socket is reconnected after a capped, jittered, doubling wait, resuming
 * its connection so the server replays what it sent meanwhile. A ping goes out every interval and
 * a socket silent for about two is dropped: a half-open connection must not stay quiet forever.
 *
 * <p>Mattermost upgrades a request whose token it does not accept and then says nothing (only a
 * proxy would answer 401), so the first message on each socket is the {@code ping} action: its
 * answer, or any event, shows the bot is in; silence means it is not, and the stream retries at
 * the longest wait. Connection state lives on one thread ({@code loop}); listeners are called on
 * another, in arrival order, so a slow listener never holds up the pings.
 */
@Component
public class BotEventStream implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BotEventStream.class);
    private static final int MAX_MESSAGE_CHARS = 4 * 1024 * 1024;
    /** The {@code seq} of the first action on each socket: the {@code ping} whose answer shows the bot is in. */
    private static final long PROBE_SEQ = 1;

    /** How the stream paces itself; tests shrink it. */
    record Timings(Duration firstBackoff, Duration maxBackoff, Duration pingInterval, Duration answerWait,
            Duration stopWait) {
        static final Timings DEFAULT = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** Why a socket ended: lost (retry soon), or the bot was not let in (retry at the longest wait). */
    enum Failure { LOST, REFUSED }

    /** One try at a socket; what its receiver hears is taken to the loop thread, whose alone its fields are. */
    private final class Attempt implements Receiver.Sink {
        final boolean resuming;
        final long startedNanos = System.nanoTime();
        final Receiver receiver = new Receiver(this, MAX_MESSAGE_CHARS);
        WebSocket socket;
        long openedNanos;
        boolean answered;
        CompletableFuture<WebSocket> ping;

        Attempt(boolean resuming) {
            this.resuming = resuming;
        }

        @Override
        public void frame(Frame frame) {
            onLoop(() -> BotEventStream.this.frame(this, frame));
        }

        /** Closed before Mattermost answered the bot: it did not take the token (or the resume). */
        @Override
        public void ended(String reason, boolean closed) {
            onLoop(() -> BotEventStream.this.ended(this, closed && !answered ? Failure.REFUSED : Failure.LOST, reason));
        }

        void abort() {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    private final MattermostProperties properties;
    private final HttpClient http;
    private final Supplier<List<BotEventListener>> listenerSource;
    private final Clock clock;
    private final Timings timings;
    private final SocketBackoff backoff;
    /** Serialises start and stop (a lock, not a monitor: this package holds none, see the architecture tests). */
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile SocketWire.Position position;
    private volatile ScheduledExecutorService loop;
    private volatile ExecutorService deliveries;
    private volatile List<BotEventListener> listeners = List.of();
    // The loop thread's alone:
    private Attempt current;
    private ScheduledFuture<?> reconnect;
    private boolean resume = true;

    @Autowired
    public BotEventStream(MattermostProperties properties, OutboundClients clients,
            ObjectProvider<BotEventListener> listeners, Clock clock) {
        this(properties, clients.client(), () -> listeners.orderedStream().toList(), clock, Timings.DEFAULT);
    }

    BotEventStream(MattermostProperties properties, HttpClient http, BotEventListener listener, Clock clock,
            Timings timings) {
        this(properties, http, () -> List.of(listener), clock, timings);
    }

    private BotEventStream(MattermostProperties properties, HttpClient http,
            Supplier<List<BotEventListener>> listenerSource, Clock clock, Timings timings) {
        this.properties = properties;
        this.http = http;
        this.listenerSource = listenerSource;
        this.clock = clock;
        this.timings = timings;
        this.backoff = new SocketBackoff(timings, properties.base());
    }

    /** Whether a socket is open and Mattermost has answered the bot on it. */
    public boolean connected() {
        return connected;
    }

    /** The id Mattermost knows the bot's connection by, once it has said hello. */
    public Optional<String> connectionId() {
        SocketWire.Position known = position;
        return known == null ? Optional.empty() : known.connectionId();
    }

    /** How many attempts in a row have failed since the last healthy connection. */
    int failures() {
        return backoff.failures;
    }

    @Override
    public void start() {
        lifecycle.lock();
        try {
            if (running) {
                return;
            }
            listeners = listenerSource.get();
            if (listeners.isEmpty()) {
                log.info("Nothing listens to Mattermost's WebSocket: the bot does not connect to it.");
                return;
            }
            position = new SocketWire.Position(clock.instant());
            resume = true;
            loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mattermost-websocket").factory());
            deliveries = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("mattermost-events").factory());
            running = true;
            long tick = timings.pingInterval().toMillis();
            loop.scheduleAtFixedRate(() -> guarded(this::tick), tick, tick, TimeUnit.MILLISECONDS);
            onLoop(this::connect);
        } finally {
            lifecycle.unlock();
        }
    }

    /** Closes the socket with a close frame, waiting a bounded time for the server's; nothing reconnects. */
    @Override
    public void stop() {
        lifecycle.lock();
        try {
            if (running) {
                running = false;
                close();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** Each wait is bounded by {@code stopWait}; whatever is left is dropped. */
    private void close() {
        long waitMillis = timings.stopWait().toMillis();
        Attempt last = null;
        try {
            last = loop.submit(this::detach).get(waitMillis, TimeUnit.MILLISECONDS);
            loop.shutdownNow();
            deliveries.shutdown();
            if (last != null && last.socket != null) {
                CompletableFuture<Void> closed = last.receiver.closed();
                last.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").thenCompose(sent -> closed)
                        .get(waitMillis, TimeUnit.MILLISECONDS);
            }
            deliveries.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Mattermost's WebSocket did not close cleanly: {}", e.toString());
        } finally {
            loop.shutdownNow();
            deliveries.shutdownNow();
            if (last != null) {
                last.abort();
            }
            connected = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private Attempt detach() {
        Attempt last = current;
        current = null;
        connected = false;
        if (reconnect != null) {
            reconnect.cancel(false);
        }
        return last;
    }

    private void connect() {
        if (!running || current != null) {
            return;
        }
        Optional<String> resumeQuery = resume ? position.resumeQuery() : Optional.empty();
        Attempt attempt = new Attempt(resumeQuery.isPresent());
        current = attempt;
        try {
            http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + properties.botToken())
                    .connectTimeout(properties.requestTimeout())
                    .buildAsync(socketUri(resumeQuery), attempt.receiver)
                    .whenComplete((socket, error) -> {
                        if (error != null) {
                            onLoop(() -> notOpened(attempt, error));
                        } else if (!running || !onLoop(() -> opened(attempt, socket))) {
                            socket.abort();
                        }
                    });
        } catch (RuntimeException e) {
            ended(attempt, Failure.LOST, SocketWire.describe(e));
        }
    }

    /** The http(s) base as ws(s), with the resume query if there is one. */
    private URI socketUri(Optional<String> resumeQuery) {
        String base = properties.base();
        String socket = (base.regionMatches(true, 0, "https:", 0, 6) ? "wss" : "ws") + base.substring(base.indexOf(':'))
                + "/api/v4/websocket";
        return URI.create(resumeQuery.map(query -> socket + "?" + query).orElse(socket));
    }

    private void opened(Attempt attempt, WebSocket socket) {
        if (attempt != current || !running) {
            socket.abort();
            return;
        }
        attempt.socket = socket;
        attempt.openedNanos = System.nanoTime();
        socket.sendText(SocketWire.action(PROBE_SEQ, "ping"), true);
    }

    private void notOpened(Attempt attempt, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WebSocketHandshakeException refused) {
            int status = refused.getResponse().statusCode();
            ended(attempt, status == 401 || status == 403 ? Failure.REFUSED : Failure.LOST, "the upgrade got " + status);
        } else {
            ended(attempt, Failure.LOST, SocketWire.describe(cause));
        }
    }

    private void frame(Attempt attempt, Frame frame) {
        if (attempt != current) {
            return;
        }
        String resumed = "resumed connection " + position.connectionId().orElse("");
        if (frame.isReply() && frame.seqReply() == PROBE_SEQ && !attempt.answered) {
            if (Integer.valueOf(401).equals(frame.errorStatus())) {
                ended(attempt, Failure.REFUSED, "Mattermost answered that the socket is not authenticated");
            } else {
                answered(attempt, attempt.resuming ? resumed : "connected");
            }
        } else if (frame.isEvent()) {
            boolean first = position.connectionId().isEmpty();
            Optional<Instant> missed = position.take(frame, clock.instant());
            missed.ifPresent(since -> deliver("a missed-events notice", listener -> listener.mayHaveMissed(since)));
            if (SocketWire.HELLO.equals(frame.event())) {
                resume = true;
                String id = position.connectionId().orElse("");
                answered(attempt, first ? "connected as connection " + id : missed.isEmpty() ? resumed
                        : "could not resume, so posts since " + missed.get() + " are looked up; new connection " + id);
            } else {
                answered(attempt, resumed);
            }
            if (SocketWire.POSTED.equals(frame.event())) {
                SocketWire.posted(frame).ifPresent(p -> deliver("post " + p.post().id(),
                        listener -> listener.posted(p.post(), p.channelType())));
            }
        }
    }

    private void answered(Attempt attempt, String how) {
        if (attempt.answered) {
            return;
        }
        attempt.answered = true;
        connected = true;
        backoff.recovered(how);
    }

    /**
     * Pings; drops a socket that got no answer in time (the bot is not let in) or that has been
     * silent for about two intervals (half-open); reconnects if nothing else will.
     */
    private void tick() {
        Attempt attempt = current;
        if (attempt == null) {
            if (running && (reconnect == null || reconnect.isDone())) {
                connect();
            }
            return;
        }
        if (attempt.socket == null) {
            return; // still connecting: the builder's connect timeout ends that
        }
        long now = System.nanoTime();
        long silent = now - attempt.receiver.heardNanos();
        if (!attempt.answered && now - attempt.openedNanos > timings.answerWait().toNanos()) {
            ended(attempt, Failure.REFUSED, "no answer within " + SocketBackoff.readable(timings.answerWait().toMillis()));
        } else if (silent > timings.pingInterval().toNanos() * 3 / 2) {
            ended(attempt, Failure.LOST, "silent for " + silent / 1_000_000 + " ms, no answer to pings");
        } else if (attempt.ping == null || attempt.ping.isDone()) {
            attempt.ping = attempt.socket.sendPing(ByteBuffer.allocate(0));
        }
    }

    /** Forgets the socket and plans the next attempt. */
    private void ended(Attempt attempt, Failure failure, String reason) {
        if (attempt != current) {
            return;
        }
        current = null;
        connected = false;
        attempt.abort();
        if (!running) {
            return;
        }
        if (failure == Failure.REFUSED) {
            resume = false; // in case it was the resume that Mattermost did not take
        }
        boolean healthy = attempt.answered && System.nanoTime() - attempt.startedNanos >= timings.pingInterval().toNanos();
        reconnect = loop.schedule(() -> guarded(this::connect), backoff.failed(failure, reason, healthy),
                TimeUnit.MILLISECONDS);
    }

    private void deliver(String what, Consumer<BotEventListener> call) {
        try {
            deliveries.execute(() -> listeners.forEach(listener -> {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    log.error("A listener of Mattermost's WebSocket failed on {}; the stream goes on.", what, e);
                }
            }));
        } catch (RejectedExecutionException stopping) {
            log.debug("Stopping: {} is not handed on.", what);
        }
    }

    /** Runs the task on the loop thread; false once the stream has stopped. */
    private boolean onLoop(Runnable task) {
        try {
            loop.execute(() -> guarded(task));
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    /** A periodic task that throws is never run again: log instead; the tick reconnects if need be. */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Mattermost WebSocket: unexpected failure; the stream goes on.", e);
        }
    }
}
