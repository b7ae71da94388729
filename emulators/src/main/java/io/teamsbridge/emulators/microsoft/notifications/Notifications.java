package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.SigningKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

/**
 * Graph's change-notification service for chat messages, wired: subscriptions, their handshake,
 * the notifier listening to the chat store, lifecycle events and the delivery queues. Close it to
 * stop delivering.
 */
public final class Notifications implements AutoCloseable {
    private final SubscriptionService subscriptions;
    private final LifecycleNotifier lifecycle;
    private final DeliveryStats stats = new DeliveryStats();
    private final SubscriptionQuotas quotas = new SubscriptionQuotas();
    private final DeliveryQueues queues;

    /**
     * @param signingKeys the identity platform's key, which signs validation tokens
     * @param graphBase Graph's host URL without version, for the resource data's {@code @odata.context}
     */
    public Notifications(ChatStore chats, UserDirectory directory, SigningKeys signingKeys, Clock clock,
            DeliveryOptions options, DeliveryFaults faults, URI graphBase) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.receiverTimeout()).build();
        SubscriptionStore store = new SubscriptionStore(clock, quotas);
        WebhookPoster poster = new WebhookPoster(http, options.receiverTimeout(),
                new ValidationTokens(signingKeys, clock), faults, stats);
        this.queues = new DeliveryQueues(options, poster, faults, clock, stats);
        this.subscriptions = new SubscriptionService(store, new SubscriptionResource(chats, directory),
                new ValidationHandshake(http, options.handshakeTimeout()), stats, clock);
        this.lifecycle = new LifecycleNotifier(store, queues, clock);
        chats.listen(new ChangeNotifier(store, new ContentEncryptor(),
                new EvaluationQuota(options.evaluationMessagesPerMonth(), clock), queues, stats, graphBase));
    }

    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    public LifecycleNotifier lifecycle() {
        return lifecycle;
    }

    public DeliveryStats stats() {
        return stats;
    }

    /** The subscription quotas, which the control API can change. */
    public SubscriptionQuotas quotas() {
        return quotas;
    }

    @Override
    public void close() {
        queues.close();
    }
}
