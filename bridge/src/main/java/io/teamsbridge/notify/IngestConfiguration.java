package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.store.GroupCommit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /**
     * The commit the webhook's inserts share (and the few delivery records written outside a batch):
     * {@code notifications.commit-linger} lets a steady stream of Graph's requests share commits.
     */
    @Bean
    GroupCommit groupCommit(TransactionTemplate transactions, NotificationsProperties notifications) {
        return new GroupCommit(transactions, notifications.commitLinger());
    }

    /**
     * Writes the decisions waiting in the journal every second: those the webhook makes for the
     * messages it settles as they arrive reach no settlement while the worker has nothing to do.
     */
    @Bean
    PeriodicJob decisionJournalJob(DecisionJournal journal) {
        return new PeriodicJob("decision-journal", DecisionJournal.FLUSH_EVERY, DecisionJournal.FLUSH_EVERY, journal::flush);
    }
}
