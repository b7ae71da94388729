package io.teamsbridge.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.AccountLinkRepository.ConnectionCounts;
import java.time.Duration;

/**
 * Connected users as a gauge {@code teamsbridge.connections} with a {@code state} label: {@code active}
 * (notified) and {@code lost} (Microsoft revoked the connection; the user was told to reconnect). A
 * rising {@code lost} count is worth a look: a password reset wave, a changed conditional-access
 * policy, or a removed consent. Both series come from one query.
 */
final class ConnectionGauges implements MeterBinder {
    private final Recent<ConnectionCounts> counts;

    ConnectionGauges(AccountLinkRepository links) {
        this.counts = new Recent<>(Duration.ofSeconds(5), links::countByStatus);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("teamsbridge.connections", counts, c -> c.get().active())
                .tag("state", "active").description("Connected users, by state").register(meters);
        Gauge.builder("teamsbridge.connections", counts, c -> c.get().lost())
                .tag("state", "lost").description("Connected users, by state").register(meters);
    }
}
