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

    /**
     * Looks for due refreshes every few minutes (a cheap query when nothing is due), and shortly after
     * start: a refresh that failed because Microsoft could not be reached is tried again within
     * minutes, and so the connection it finds revoked is reported within minutes of that failure.
     */
    @Bean
    PeriodicJob linkRefreshJob(LinkRefresher refresher, ConnectionsProperties connections, JobLeases leases) {
        Duration every = connections.refreshInterval().dividedBy(12);
        Duration bounded = every.compareTo(RECHECK) > 0 ? RECHECK : every.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : every;
        return PeriodicJob.singleInstance("link-refresh", Duration.ofMinutes(1), bounded, refresher::refreshDue, leases);
    }

    /** On one instance: soon after start (the permission was just added) and then hourly for those not asked yet. */
    @Bean
    PeriodicJob permissionAskJob(PermissionAsks asks, JobLeases leases) {
        return PeriodicJob.singleInstance("permission-asks", Duration.ofSeconds(5), Duration.ofHours(1), asks::pass, leases);
    }

    static final Duration RECHECK = Duration.ofMinutes(5);
}
