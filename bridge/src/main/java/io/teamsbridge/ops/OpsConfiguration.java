package io.teamsbridge.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.CertificateRepository;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.store.DecisionRepository;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.TeamCommandRepository;
import io.teamsbridge.store.OAuthStateRepository;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    @Bean
    Housekeeping housekeeping(InboxRepository inbox, OAuthStateRepository states, SubscriptionRepository subscriptions,
            DecisionRepository decisions, io.teamsbridge.store.ReplyRepository replies, NotificationsProperties notifications,
            Clock clock) {
        return new Housekeeping(inbox, states, subscriptions, decisions, replies, notifications.decisionsKept(), clock);
    }

    @Bean
    PeriodicJob housekeepingJob(Housekeeping housekeeping, JobLeases leases) {
        return PeriodicJob.singleInstance("housekeeping", Duration.ofMinutes(5), Duration.ofHours(1), housekeeping::clean, leases);
    }

    @Bean
    KeyRotation keyRotation(SecretVault vault, AccountLinkRepository links, TeamCommandRepository commands,
            CertificateRepository certificates) {
        return new KeyRotation(vault, links, commands, certificates);
    }

    /** Shortly after start (when a rotated key shows up), and every few hours for good measure. */
    @Bean
    PeriodicJob keyRotationJob(KeyRotation rotation, JobLeases leases) {
        return PeriodicJob.singleInstance("key-rotation", Duration.ofSeconds(30), Duration.ofHours(6), rotation::resealAll,
                leases);
    }

    /** Shown as the "workers" component of /actuator/health and of readiness. */
    @Bean
    WorkerHealth workersHealthIndicator(InboxRepository inbox, Clock clock,
            org.springframework.beans.factory.ObjectProvider<PeriodicJob> jobs) {
        return new WorkerHealth(inbox, clock, () -> jobs.orderedStream().toList());
    }

    /** The gauge of connected users, active and lost. */
    @Bean
    ConnectionGauges connectionGauges(AccountLinkRepository links) {
        return new ConnectionGauges(links);
    }

    /** Shown as the "inbox" component of /actuator/health. */
    @Bean
    InboxHealth inboxHealthIndicator(InboxRepository inbox, Clock clock, MeterRegistry meters) {
        return new InboxHealth(inbox, clock, Duration.ofMinutes(15), meters);
    }
}
