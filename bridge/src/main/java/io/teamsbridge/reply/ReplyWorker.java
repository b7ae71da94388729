package io.teamsbridge.reply;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.config.RepliesProperties;
import io.teamsbridge.ops.WorkerHealth;
import io.teamsbridge.ops.WorkerThreads;
import io.teamsbridge.store.Reply;
import io.teamsbridge.store.ReplyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes recorded replies through sending and telling. Each pass reads the unfinished replies
 * (few: people type them), takes the oldest of each chat (the user's replies to one chat go in the
 * order they were written), claims the due ones and works on them on virtual threads. A reply Teams
 * cannot take yet waits and comes back; one that stays unsendable past
 * {@code replies.give-up-after} is given up, and its writer told. Claims run out, so a reply whose
 * instance died is taken over; a stopping instance hands its claims back.
 */
@Component
@ConditionalOnBooleanProperty(name = "replies.enabled", matchIfMissing = true)
class ReplyWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ReplyWorker.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    /** When telling the writer fails, how long until it is tried again. */
    private static final Duration TELL_AGAIN = Duration.ofSeconds(30);
    private static final int PASS_SIZE = 500;

    private final ReplyRepository replies;
    private final ReplySender sender;
    private final ReplyTeller teller;
    private final RepliesProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WorkerHealth.Loop pulse;
    private final String instance = "replies-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore kick = new Semaphore(0);
    private final WorkerThreads threads = new WorkerThreads();
    private volatile boolean running;

    ReplyWorker(ReplyRepository replies, ReplySender sender, ReplyTeller teller, RepliesProperties settings, Clock clock,
            MeterRegistry meters, WorkerHealth health) {
        this.replies = replies;
        this.sender = sender;
        this.teller = teller;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.pulse = health.register("reply-worker", Duration.ofMinutes(1));
    }

    /** A reply was recorded: look now rather than at the next poll. */
    void kick() {
        kick.release();
    }

    @Override
    public void start() {
        running = true;
        threads.start("reply-worker", this::loop);
    }

    @Override
    public void stop() {
        running = false;
        threads.stop(Duration.ofSeconds(5), Duration.ofSeconds(10));
        try {
            replies.release(instance);
        } catch (RuntimeException failed) {
            log.warn("Could not hand back unfinished replies at shutdown; their claims run out instead: {}", failed.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            pulse.beat();
            try {
                pass();
                kick.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                kick.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                log.warn("A pass over the replies failed; the next one follows: {}", t.toString());
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void pass() {
        Instant now = clock.instant();
        Set<String> chatsSeen = new HashSet<>();
        List<Reply> open = replies.unfinished(PASS_SIZE);
        for (Reply reply : open) {
            if (!chatsSeen.add(reply.mattermostUserId() + "\n" + reply.chatId())) {
                continue; // an earlier reply to the same chat goes first
            }
            boolean due = !reply.nextAttemptAt().isAfter(now);
            boolean free = reply.claimedUntil() == null || !reply.claimedUntil().isAfter(now);
            if (due && free && replies.claim(reply.postId(), instance, now, now.plus(CLAIM))) {
                threads.work().execute(() -> work(reply.postId()));
            }
        }
    }

    private void work(String postId) {
        Reply reply = replies.find(postId).orElse(null);
        if (reply == null || reply.done()) {
            return;
        }
        try {
            if (reply.decided()) {
                teller.tell(reply, ReplyOutcome.valueOf(reply.outcome()), reply.detail());
                replies.finish(postId, clock.instant());
                return;
            }
            switch (sender.attempt(reply)) {
                case ReplySender.Step.Decided d -> decide(reply, d.outcome(), d.detail(), d.teamsMessageId());
                case ReplySender.Step.Later l -> later(reply, l);
                case ReplySender.Step.Behind b -> {
                    log.info("Reply {} of Mattermost user {} waits for {} earlier one(s) found unrecorded.", postId,
                            reply.mattermostUserId(), b.earlier());
                    replies.retryAt(postId, clock.instant(), false);
                    kick();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Reply {} of Mattermost user {}: {}; it is tried again in {} s.", postId, reply.mattermostUserId(),
                    e.toString(), TELL_AGAIN.toSeconds());
            replies.retryAt(postId, clock.instant().plus(TELL_AGAIN), false);
        }
    }

    private void decide(Reply reply, ReplyOutcome outcome, String detail, String teamsMessageId) {
        replies.decide(reply.postId(), outcome.name(), detail, teamsMessageId);
        Counter.builder("teamsbridge.replies").tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .description("Replies from Mattermost into Teams, by what became of them").register(meters).increment();
        log.info("Reply {} of Mattermost user {} to chat {}: {}{}.", reply.postId(), reply.mattermostUserId(), reply.chatId(),
                outcome.name().toLowerCase(java.util.Locale.ROOT), detail == null ? "" : " (" + detail + ")");
        teller.tell(reply, outcome, detail);
        replies.finish(reply.postId(), clock.instant());
    }

    private void later(Reply reply, ReplySender.Step.Later step) {
        Instant now = clock.instant();
        if (Duration.between(reply.postedAt(), now).compareTo(settings.giveUpAfter()) > 0) {
            decide(reply, ReplyOutcome.GAVE_UP, human(settings.giveUpAfter()), null);
            return;
        }
        boolean told = reply.delayTold();
        if (!told) {
            try {
                teller.tellDelayed(reply, step.reason());
                told = true;
            } catch (RuntimeException e) {
                log.debug("Could not tell the writer of reply {} that it is late: {}", reply.postId(), e.toString());
            }
        }
        replies.retryAt(reply.postId(), now.plus(step.after()), told);
    }

    /** "1 hour", "90 minutes": how long the bridge kept trying. */
    static String human(Duration d) {
        if (d.toMinutes() % 60 == 0) {
            long hours = d.toHours();
            return hours == 1 ? "an hour" : hours + " hours";
        }
        return d.toMinutes() + " minutes";
    }
}
