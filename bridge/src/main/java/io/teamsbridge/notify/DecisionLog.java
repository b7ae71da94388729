package io.teamsbridge.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.notify.NotificationDecision.Kind;
import io.teamsbridge.notify.RecipientResolver.Candidate;
import io.teamsbridge.notify.RecipientResolver.Skip;
import io.teamsbridge.store.Decision;
import java.time.Clock;
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
    private final Counter suppressed;
    private final Counter givenUp;
    private final ApplicationEventPublisher events;
    private final DecisionJournal journal;
    private final Clock clock;

    /** The message a decision is about, as the user's list names it. */
    record About(WorkItem work, ChatInfo chat, String senderName) {}

    DecisionLog(MeterRegistry meters, ApplicationEventPublisher events, DecisionJournal journal, Clock clock) {
        this.events = events;
        this.journal = journal;
        this.clock = clock;
        this.delivered = Counter.builder("teamsbridge.notifications.delivered").description("Notifications posted").register(meters);
        this.suppressed = Counter.builder("teamsbridge.notifications.suppressed")
                .description("Candidates not notified (active in Teams, the sender, or not a message from a person)").register(meters);
        this.givenUp = Counter.builder("teamsbridge.notifications.given.up")
                .description("Notifications given up after the age limit").register(meters);
    }

    void received(WorkItem work) {
        publish(work.chatId(), work.messageId(), null, Kind.RECEIVED, work.change().changeType());
    }

    void updated(WorkItem work, String what) {
        publish(work.chatId(), work.messageId(), null, Kind.UPDATED, what);
    }

    void delivered(About about, Candidate to) {
        delivered.increment();
        WorkItem work = about.work();
        publish(work.chatId(), work.messageId(), to.mattermostUserId(), Kind.DELIVERED, "posted in their direct channel with the bot");
        journal(about, to, Decision.Outcome.DELIVERED, "");
        log.debug("Message {} in chat {}: delivered to Mattermost user {}.", work.messageId(), work.chatId(), to.mattermostUserId());
    }

    void notDelivered(About about, Candidate to, Skip why) {
        suppressed.increment();
        WorkItem work = about.work();
        String because = because(why);
        publish(work.chatId(), work.messageId(), to.mattermostUserId(), Kind.NOT_DELIVERED, because);
        journal(about, to, why.outcome(), why.detail());
        log.debug("Message {} in chat {}: not delivered to Mattermost user {} because {}.", work.messageId(), work.chatId(),
                to.mattermostUserId(), because);
    }

    /** The sender is not told of their own message, and it is not listed as a decision about them. */
    void ownMessage(WorkItem work, String mattermostUserId) {
        publish(work.chatId(), work.messageId(), mattermostUserId, Kind.NOT_DELIVERED, "they wrote it");
    }

    /** Delivery to this one user was given up (Mattermost refused the post for good). */
    void givenUpFor(About about, Candidate to, String why) {
        givenUp.increment();
        WorkItem work = about.work();
        publish(work.chatId(), work.messageId(), to.mattermostUserId(), Kind.GAVE_UP, why);
        journal(about, to, Decision.Outcome.GAVE_UP, why);
        log.warn("Gave up notifying Mattermost user {} of message {} in chat {}: {}", to.mattermostUserId(), work.messageId(),
                work.chatId(), why);
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

    private void journal(About about, Candidate to, Decision.Outcome outcome, String detail) {
        WorkItem work = about.work();
        journal.add(new Decision(to.mattermostUserId(), clock.instant(), work.chatId(), work.messageId(),
                ChatLabels.of(about.chat(), to.teamsUserId()), about.senderName() == null ? "" : about.senderName(), outcome, detail));
    }

    private static String because(Skip why) {
        return switch (why.outcome()) {
            case PRESENT -> "they are " + why.detail() + " in Teams";
            case NOTIFICATIONS_OFF -> "their notifications are off";
            case MEETING_CHATS_OFF -> "they turned meeting chats off";
            case NOT_A_PERSON -> "it is not a message from a person (" + why.detail() + ")";
            case DELIVERED, RETRYING, GAVE_UP -> why.detail();
        };
    }

    private void publish(String chatId, String messageId, String mattermostUserId, Kind kind, String detail) {
        events.publishEvent(new NotificationDecision(clock.instant(), chatId, messageId, mattermostUserId, kind, detail));
    }
}
