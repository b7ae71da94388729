package io.teamsbridge.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.notify.NotificationDecision.Kind;
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
    private final Clock clock;

    DecisionLog(MeterRegistry meters, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
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

    void delivered(WorkItem work, String mattermostUserId) {
        delivered.increment();
        publish(work.chatId(), work.messageId(), mattermostUserId, Kind.DELIVERED, "posted in their direct channel with the bot");
        log.debug("Message {} in chat {}: delivered to Mattermost user {}.", work.messageId(), work.chatId(), mattermostUserId);
    }

    void notDelivered(WorkItem work, String mattermostUserId, String because) {
        suppressed.increment();
        publish(work.chatId(), work.messageId(), mattermostUserId, Kind.NOT_DELIVERED, because);
        log.debug("Message {} in chat {}: not delivered to Mattermost user {} because {}.", work.messageId(), work.chatId(),
                mattermostUserId, because);
    }

    void givenUp(io.teamsbridge.store.InboxItem item, String why) {
        givenUp.increment();
        publish(item.chatId(), item.messageId(), null, Kind.GAVE_UP, why);
        log.warn("Gave up on message {} in chat {} ({} change) after {} attempts: {}", item.messageId(), item.chatId(),
                item.changeType(), item.attempts(), why);
    }

    private void publish(String chatId, String messageId, String mattermostUserId, Kind kind, String detail) {
        events.publishEvent(new NotificationDecision(clock.instant(), chatId, messageId, mattermostUserId, kind, detail));
    }
}
