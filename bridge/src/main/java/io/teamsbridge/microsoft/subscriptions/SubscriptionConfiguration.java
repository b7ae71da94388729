package io.teamsbridge.microsoft.subscriptions;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.ops.JobLeases;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    @Bean
    SubscriptionManager subscriptionManager(GraphClient graph, SubscriptionRepository subscriptions,
            JobLeases leases, SubscriptionRegistry registry, NotificationCertificates certificates,
            Tokens tokens, Clock clock, MicrosoftProperties microsoft, BridgeProperties bridge,
            org.springframework.context.ApplicationEventPublisher events, UserSubscriptions users, SubscriberAccounts accounts) {
        return new SubscriptionManager(graph, subscriptions, leases, registry, certificates, tokens, clock, microsoft, bridge,
                events, users, accounts);
    }

    @Bean
    UserSubscriptions userSubscriptions(GraphClient graph, SubscriptionRepository subscriptions, SubscriptionRegistry registry,
            NotificationCertificates certificates, Tokens tokens, Clock clock, SubscriberAccounts accounts,
            org.springframework.context.ApplicationEventPublisher events, MicrosoftProperties microsoft, BridgeProperties bridge,
            io.micrometer.core.instrument.MeterRegistry meters) {
        return new UserSubscriptions(graph, subscriptions, registry, certificates, tokens, clock, accounts, events, microsoft,
                bridge, meters);
    }

    /** Shown as the "subscription" component of readiness; exports the subscription's expiry. */
    @Bean
    SubscriptionHealth subscriptionHealthIndicator(SubscriptionRepository subscriptions,
            io.teamsbridge.store.AccountLinkRepository links, Clock clock, MicrosoftProperties microsoft) {
        return new SubscriptionHealth(subscriptions, links, clock, microsoft);
    }

    /** Starts right after the web server (Graph's handshake must reach us), then checks periodically. */
    @Bean
    @ConditionalOnProperty(name = "microsoft.subscription.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicJob subscriptionJob(SubscriptionManager manager, MicrosoftProperties microsoft) {
        return new PeriodicJob("graph-subscription", Duration.ZERO, microsoft.subscription().checkInterval(), manager::maintain);
    }

    /** In the per-user mode, a connection made, lost or removed gets its subscription change within seconds. */
    @Bean
    @ConditionalOnProperty(name = "microsoft.subscription.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicJob connectionWatchJob(SubscriptionManager manager) {
        return new PeriodicJob("graph-subscription-connections", CONNECTION_WATCH, CONNECTION_WATCH,
                manager::onConnectionsChanged);
    }

    static final Duration CONNECTION_WATCH = Duration.ofSeconds(2);

    @Bean
    SubscriptionModes subscriptionModes(io.teamsbridge.microsoft.AppTokens appTokens, io.teamsbridge.store.TrafficRepository traffic,
            MicrosoftProperties microsoft, io.teamsbridge.config.ContentProperties content, Clock clock) {
        return new SubscriptionModes(appTokens, traffic, microsoft, content.uploadSharedFiles(), clock);
    }
}
