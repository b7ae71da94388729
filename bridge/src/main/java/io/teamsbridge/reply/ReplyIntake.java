package io.teamsbridge.reply;

import io.teamsbridge.config.RepliesProperties;
import io.teamsbridge.mattermost.BotEventListener;
import io.teamsbridge.mattermost.MattermostWire.Post;
import io.teamsbridge.store.EventMarkRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Where replies come in: every post in the bot's direct channels, live from the WebSocket, and
 * again from a REST look-back whenever the socket may have missed some. A post is a reply when a
 * person wrote it in the thread of one of their Teams chats; it is recorded by its post id, so one
 * seen twice (live and in a look-back, or by two instances) is sent once.
 *
 * <p>The shared mark ({@value #MARK}) says up to when every post is known to have been seen: it
 * moves while the socket stays connected and after each complete look-back, and a look-back starts
 * from it (at most {@code replies.look-back} ago), so replies written while no instance listened are
 * found when one starts.
 */
@Component
@ConditionalOnBooleanProperty(name = "replies.enabled", matchIfMissing = true)
class ReplyIntake implements BotEventListener {
    private static final Logger log = LoggerFactory.getLogger(ReplyIntake.class);
    static final String MARK = "mattermost-direct-posts";
    /** Posts are not seen in exactly the order they were made: look back a little further. */
    private static final Duration MARGIN = Duration.ofMinutes(2);
    private static final Duration MARK_EVERY = Duration.ofMinutes(1);
    private static final Duration RETRY_LOOK_BACK = Duration.ofSeconds(30);

    private final ReplyRecorder recorder;
    private final EventMarkRepository marks;
    private final ReplyResync resync;
    private final ReplyWorker worker;
    private final RepliesProperties settings;
    private final Clock clock;
    /** Set while a look-back is owed: the mark must not move past posts not yet looked at. */
    private final AtomicBoolean lookBackOwed = new AtomicBoolean(true);
    private final AtomicReference<Instant> lastMarked = new AtomicReference<>(Instant.EPOCH);

    ReplyIntake(ReplyRecorder recorder, EventMarkRepository marks, ReplyResync resync, ReplyWorker worker,
            RepliesProperties settings, Clock clock) {
        this.recorder = recorder;
        this.marks = marks;
        this.resync = resync;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void posted(Post post, String channelType) {
        if ("D".equals(channelType)) {
            accept(post);
        }
        markSeen();
    }

    @Override
    public void mayHaveMissed(Instant since) {
        lookBackOwed.set(true);
        Thread.ofVirtual().name("reply-look-back").start(() -> lookBack(since));
    }

    /** Records the post if it is a person's reply in one of their chat threads, and wakes the worker. */
    void accept(Post post) {
        if (recorder.record(post)) {
            log.debug("Reply {} of Mattermost user {} recorded.", post.id(), post.userId());
            worker.kick();
        }
    }

    private void lookBack(Instant since) {
        Instant started = clock.instant();
        Instant floor = started.minus(settings.lookBack());
        Instant from = marks.seenUntil(MARK).filter(mark -> mark.isBefore(since)).orElse(since).minus(MARGIN);
        if (from.isBefore(floor)) {
            from = floor;
        }
        try {
            int found = 0;
            for (Post post : resync.postsSince(from)) {
                accept(post);
                found++;
            }
            marks.advance(MARK, started.minus(MARGIN));
            lookBackOwed.set(false);
            log.info("Looked for replies the WebSocket may have missed since {}: {} posts read.", from, found);
        } catch (RuntimeException e) {
            log.warn("Looking for missed replies since {} failed ({}); trying again in {} s.", from, e.toString(),
                    RETRY_LOOK_BACK.toSeconds());
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(RETRY_LOOK_BACK);
                    lookBack(since);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** While nothing is owed, every post up to now (less the margin) has been seen: say so, once a minute. */
    private void markSeen() {
        Instant now = clock.instant();
        Instant last = lastMarked.get();
        if (!lookBackOwed.get() && Duration.between(last, now).compareTo(MARK_EVERY) >= 0 && lastMarked.compareAndSet(last, now)) {
            try {
                marks.advance(MARK, now.minus(MARGIN));
            } catch (RuntimeException e) {
                log.debug("Could not move the replies' mark: {}", e.toString());
            }
        }
    }
}
