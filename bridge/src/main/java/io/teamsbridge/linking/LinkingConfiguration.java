package io.teamsbridge.linking;

import io.teamsbridge.config.ConnectionsProperties;
import io.teamsbridge.ops.JobLeases;
import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.store.AccountLinkRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LinkingConfiguration {

    @Bean
    LinkRefresher linkRefresher(AccountLinkRepository links, UserTokens tokens, Clock clock,
            ConnectionsProperties connections) {
        return new LinkRefresher(links, tokens, clock, connections);
    }

    /** Looks for due refreshes a few times per refresh interval, and shortly after start. */
    @Bean
    PeriodicJob linkRefreshJob(LinkRefresher refresher, ConnectionsProperties connections, JobLeases leases) {
        Duration every = connections.refreshInterval().dividedBy(12);
        return PeriodicJob.singleInstance("link-refresh", Duration.ofMinutes(1),
                every.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : every, refresher::refreshDue, leases);
    }
}
