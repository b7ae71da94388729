package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
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
}
