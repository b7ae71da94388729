package io.teamsbridge.notify;

import io.teamsbridge.ops.JobLeases;
import io.teamsbridge.ops.PeriodicJob;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatchUpConfiguration {

    /** On one instance: the heartbeat and downtime check every half minute, and any waiting catch-up. */
    @Bean
    PeriodicJob catchUpJob(CatchUp catchUp, JobLeases leases) {
        return PeriodicJob.singleInstance("catch-up", Duration.ofSeconds(5), Duration.ofSeconds(30), catchUp::pass, leases);
    }

    /** Every instance adds its own traffic counts. */
    @Bean
    PeriodicJob trafficCountsJob(TrafficCounts counts) {
        return new PeriodicJob("traffic-counts", TrafficCounts.FLUSH_EVERY, TrafficCounts.FLUSH_EVERY, counts::flush);
    }
}
