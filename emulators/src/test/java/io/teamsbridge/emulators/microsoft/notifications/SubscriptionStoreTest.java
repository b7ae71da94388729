package io.teamsbridge.emulators.microsoft.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.emulators.http.HttpError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SubscriptionStoreTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String TENANT = "7c1e3a52-0000-4000-8000-000000000001";

    final SubscriptionQuotas quotas = new SubscriptionQuotas();
    final SubscriptionStore store = new SubscriptionStore(Clock.fixed(NOW, ZoneOffset.UTC), quotas);

    @Test
    void appsRacingForAUsersLastSlotsGetExactlyTheQuota() throws Exception {
        List<Optional<HttpError>> results = race(50, () -> subscription(UUID.randomUUID().toString(), TENANT,
                new SubscriptionScope.UserChats("alice"), NOW.plus(Duration.ofHours(1))));

        assertThat(results).filteredOn(Optional::isEmpty).hasSize(10);
        assertThat(results).filteredOn(Optional::isPresent).hasSize(40).allSatisfy(refusal -> {
            assertThat(refusal.orElseThrow().status()).isEqualTo(403);
            assertThat(refusal.orElseThrow().getMessage()).contains("the limit is 10 per user");
        });
        assertThat(store.active()).hasSize(10);
    }

    @Test
    void oneAppRacingForOneResourceGetsItOnce() throws Exception {
        List<Optional<HttpError>> results = race(20, () -> subscription("app", TENANT,
                new SubscriptionScope.UserChats("alice"), NOW.plus(Duration.ofHours(1))));

        assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(results).filteredOn(Optional::isPresent)
                .allSatisfy(r -> assertThat(r.orElseThrow().getMessage()).contains("1 per app and resource"));
    }

    @Test
    void theOrganizationCountsEveryResourceOfItsTenantButNoExpiredOnes() {
        quotas.update(limits -> new QuotaLimits(10, 4));
        Instant later = NOW.plus(Duration.ofHours(1));
        add(subscription("late", TENANT, new SubscriptionScope.UserChats("carol"), NOW));
        add(subscription("app", TENANT, new SubscriptionScope.AllChats(), later));
        add(subscription("app", TENANT, new SubscriptionScope.OneChat("19:chat"), later));
        add(subscription("other", TENANT, new SubscriptionScope.UserChats("alice"), later));

        Optional<HttpError> fourth = store.addUnlessRefused(subscription("third", TENANT,
                new SubscriptionScope.UserChats("bob"), later));
        Optional<HttpError> fifth = store.addUnlessRefused(subscription("fourth", TENANT,
                new SubscriptionScope.UserChats("dave"), later));
        Optional<HttpError> elsewhere = store.addUnlessRefused(subscription("fifth", "another-tenant",
                new SubscriptionScope.UserChats("erin"), later));

        assertThat(fourth).as("the expired one no longer counts").isEmpty();
        assertThat(fifth)
                .hasValueSatisfying(r -> assertThat(r.getMessage()).contains("the limit is 4 per organization"));
        assertThat(elsewhere).as("another tenant's quota").isEmpty();
    }

    private void add(Subscription subscription) {
        // Nothing checks expiry on the way in, so an expired one is stored too: the next count deletes it.
        assertThat(store.addUnlessRefused(subscription).map(HttpError::getMessage)).isEmpty();
    }

    private List<Optional<HttpError>> race(int creates, Supplier<Subscription> candidate)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<HttpError>>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < creates; i++) {
                Subscription subscription = candidate.get();
                futures.add(threads.submit(() -> {
                    start.await();
                    return store.addUnlessRefused(subscription);
                }));
            }
            start.countDown();
            List<Optional<HttpError>> results = new ArrayList<>();
            for (Future<Optional<HttpError>> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static Subscription subscription(String appId, String tenantId, SubscriptionScope scope,
            Instant expiration) {
        return new Subscription(UUID.randomUUID().toString(), appId, tenantId, appId, null, scope.quotaKey(), scope,
                "B", "created", "https://bridge.example/notifications", null, expiration, null, null, "v1_2", false,
                false);
    }
}
