package io.teamsbridge.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.notify.NotificationDecision.Kind;
import io.teamsbridge.notify.RecipientResolver.Candidate;
import io.teamsbridge.notify.RecipientResolver.Skip;
import io.teamsbridge.store.Decision;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipeline's decisions about people, as counters, as debug log lines an operator can turn on
 * to see why someone was or was not notified, and as {@link NotificationDecision} events. No
 * message content is logged.
 */
@Component
class DecisionLog {
    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private final Counter delivered;
    private final Map<String, Counter> notDelivered = new ConcurrentHashMap<>();
    private final Counter givenUp;
    private final Timer delay;
    private final MeterRegistry meters;
    /** Delay buckets an operator reads off: seconds are normal, minutes mean an outage or throttling. */
    private static final Duration[] SLO_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6)};

    private final ApplicationEventPublisher events;
    private final DecisionJournal journal;
    private final Clock clock;

    /**
     * The message a decision is about, as the user's list names it; {@code retryOf} is when it was
     * received if the decision is made on a retry (and so replaces an earlier one), else null.
     */
    record About(String chatId, String messageId, @Nullable Instant retryOf, ChatInfo chat, String senderName,
            @Nullable Instant writtenAt) {
        static About of(WorkItem work, ChatInfo chat, String senderName, @Nullable Instant writtenAt) {
            return new About(work.chatId(), work.messageId(), work.item().attempts() > 1 ? work.item().receivedAt() : null, chat,
                    senderName, writtenAt);
        }
    }

    DecisionLog(MeterRegistry meters, ApplicationEventPublisher events, DecisionJournal journal, Clock clock) {
        this.events = events;
        this.journal = journal;
        this.clock = clock;
        this.meters = meters;
        this.delivered = Counter.builder("teamsbridge.notifications.delivered").description("Notifications posted").register(meters);
        this.delay = Timer.builder("teamsbridge.notifications.delay")
                .description("From a message's creation in Teams to its notification's post in Mattermost")
                .serviceLevelObjectives(SLO_BUCKETS)
                .register(meters);
        this.givenUp = Counter.builder("teamsbridge.notifications.given.up")
                .description("Notifications given up after the age limit").register(meters);
    }

    void received(WorkItem work) {
        publish(work.chatId(), work.messageId(), null, Kind.RECEIVED, work.change().changeType());
    }

    /** A new message acknowledged without being stored: nobody connected is in its chat. */
    void concernsNobody(String chatId, String messageId) {
        publish(chatId, messageId, null, Kind.CONCERNS_NOBODY, "nobody connected is in the chat");
    }

    void updated(WorkItem work, String what) {
        publish(work.chatId(), work.messageId(), null, Kind.UPDATED, what);
    }

    void delivered(About about, Candidate to) {
        delivered.increment();
        if (about.writtenAt() != null) {
            Duration since = Duration.between(about.writtenAt(), clock.instant());
            delay.record(since.isNegative() ? Duration.ZERO : since);
        }
        publish(about.chatId(), about.messageId(), to.mattermostUserId(), Kind.DELIVERED, "posted in their direct channel with the bot");
        journal(about, to, Decision.Outcome.DELIVERED, "");
        log.debug("Message {} in chat {}: delivered to Mattermost user {}.", about.messageId(), about.chatId(), to.mattermostUserId());
    }

    void notDelivered(About about, Candidate to, Skip why) {
        notDelivered(why.outcome().name().toLowerCase(Locale.ROOT));
        String because = because(why);
        publish(about.chatId(), about.messageId(), to.mattermostUserId(), Kind.NOT_DELIVERED, because);
        journal(about, to, why.outcome(), why.detail());
        log.debug("Message {} in chat {}: not delivered to Mattermost user {} because {}.", about.messageId(), about.chatId(),
                to.mattermostUserId(), because);
    }

    /**
     * A message settled as it arrived, once stored: received, and each of its users not told, as
     * the worker reports and lists them (listed without the sender's name: it stays encrypted).
     */
    void settledOnArrival(HeldBackOnArrival.Settled settled) {
        String chatId = settled.item().chatId();
        String messageId = settled.item().messageId();
        publish(chatId, messageId, null, Kind.RECEIVED, settled.item().changeType());
        About unread = new About(chatId, messageId, null, settled.chat(), "", null);
        settled.held().forEach(h -> notDelivered(unread, h.candidate(), h.skip()));
    }

    /** The sender is not told of their own message, and it is not listed as a decision about them. */
    void ownMessage(WorkItem work, String mattermostUserId) {
        notDelivered("own_message");
        publish(work.chatId(), work.messageId(), mattermostUserId, Kind.NOT_DELIVERED, "they wrote it");
    }

    /** Delivery to this one user was given up (Mattermost refused the post for good). */
    void givenUpFor(About about, Candidate to, String why) {
        givenUp.increment();
        notDelivered("gave_up");
        publish(about.chatId(), about.messageId(), to.mattermostUserId(), Kind.GAVE_UP, why);
        journal(about, to, Decision.Outcome.GAVE_UP, why);
        log.warn("Gave up notifying Mattermost user {} of message {} in chat {}: {}", to.mattermostUserId(), about.messageId(),
                about.chatId(), why);
    }

    /** Not delivered to this user yet; the item is tried again, and given up at the age limit. */
    void retrying(About about, Candidate to, String why) {
        journal(about, to, Decision.Outcome.RETRYING, why);
    }

    /**
     * The whole item was given up ({@code why} for the log, {@code forUsers} as users read it): the
     * users it was still being retried for see that in their decisions.
     */
    void givenUp(io.teamsbridge.store.InboxItem item, String why, String forUsers) {
        givenUp(item, why);
        journal.giveUp(item.chatId(), item.messageId(), forUsers);
    }

    private void givenUp(io.teamsbridge.store.InboxItem item, String why) {
        givenUp.increment();
        publish(item.chatId(), item.messageId(), null, Kind.GAVE_UP, why);
        log.warn("Gave up on message {} in chat {} ({} change) after {} attempts: {}", item.messageId(), item.chatId(),
                item.changeType(), item.attempts(), why);
    }

    /**
     * Counts a recipient not notified, by reason: {@code present}, {@code notifications_off},
     * {@code meeting_chats_off}, {@code not_a_person}, {@code own_message}, {@code gave_up}.
     */
    private void notDelivered(String reason) {
        notDelivered.computeIfAbsent(reason, r -> Counter.builder("teamsbridge.notifications.not.delivered").tag("reason", r)
                .description("Recipients not notified of a message, by reason").register(meters)).increment();
    }

    private void journal(About about, Candidate to, Decision.Outcome outcome, String detail) {
        journal.add(new Decision(to.mattermostUserId(), clock.instant(), about.chatId(), about.messageId(),
                ChatLabels.of(about.chat(), to.teamsUserId()), about.senderName() == null ? "" : about.senderName(), outcome, detail),
                about.retryOf());
    }

    private static String because(Skip why) {
        return switch (why.outcome()) {
            case PRESENT -> "they are " + why.detail() + " in Teams";
            case NOTIFICATIONS_OFF -> "their notifications are off";
            case MEETING_CHATS_OFF -> "they turned meeting chats off";
            case MUTED -> "they muted this chat";
            case NOT_A_PERSON -> "it is not a message from a person (" + why.detail() + ")";
            case DELIVERED, RETRYING, GAVE_UP -> why.detail();
        };
    }

    private void publish(String chatId, String messageId, String mattermostUserId, Kind kind, String detail) {
        events.publishEvent(new NotificationDecision(clock.instant(), chatId, messageId, mattermostUserId, kind, detail));
    }
}
