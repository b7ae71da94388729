package io.teamsbridge.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipeline's decisions about people, as counters and as debug log lines an operator can turn on
 * to see why someone was or was not notified. No message content is logged.
 */
@Component
class DecisionLog {
    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private final Counter delivered;
    private final Counter suppressed;
    private final Counter givenUp;

    DecisionLog(MeterRegistry meters) {
        this.delivered = Counter.builder("teamsbridge.notifications.delivered").description("Notifications posted").register(meters);
        this.suppressed = Counter.builder("teamsbridge.notifications.suppressed")
                .description("Notifications not delivered because the recipient was active in Teams").register(meters);
        this.givenUp = Counter.builder("teamsbridge.notifications.given.up")
                .description("Notifications given up after the age limit").register(meters);
    }

    void delivered(WorkItem work, String mattermostUserId) {
        delivered.increment();
        log.debug("Message {} in chat {}: delivered to Mattermost user {}.", work.messageId(), work.chatId(), mattermostUserId);
    }

    void notDelivered(WorkItem work, String mattermostUserId, String because) {
        suppressed.increment();
        log.debug("Message {} in chat {}: not delivered to Mattermost user {} because {}.", work.messageId(), work.chatId(),
                mattermostUserId, because);
    }

    void givenUp(WorkItem work, String why) {
        givenUp.increment();
        log.warn("Gave up on message {} in chat {} ({} change) after {} attempts: {}", work.messageId(), work.chatId(),
                work.change().changeType(), work.item().attempts(), why);
    }
}
