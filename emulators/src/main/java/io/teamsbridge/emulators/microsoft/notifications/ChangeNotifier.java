package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.microsoft.chats.ChatJson;
import io.teamsbridge.emulators.microsoft.chats.ChatListener;
import io.teamsbridge.emulators.microsoft.chats.ChatMessage;
import io.teamsbridge.emulators.microsoft.chats.GraphTime;
import io.teamsbridge.emulators.microsoft.chats.MessageChange;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each message change into a change notification for every live subscription that covers
 * it: right change type, right chat, not paused (changes while paused are lost, as documented),
 * within the evaluation quota, and with an endpoint (another app's subscription, placed through the
 * control API, has none: it only takes quota). With resource data the message, as {@code GET}
 * would return it, is encrypted for the subscription's certificate.
 */
final class ChangeNotifier implements ChatListener {
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifier.class);

    private final SubscriptionStore subscriptions;
    private final ContentEncryptor encryptor;
    private final EvaluationQuota quota;
    private final DeliveryQueues queues;
    private final DeliveryStats stats;
    private final URI graphBase;

    /** @param graphBase Graph's host URL without a version, as in {@code @odata.context} of resource data */
    ChangeNotifier(SubscriptionStore subscriptions, ContentEncryptor encryptor, EvaluationQuota quota,
            DeliveryQueues queues, DeliveryStats stats, URI graphBase) {
        this.subscriptions = subscriptions;
        this.encryptor = encryptor;
        this.quota = quota;
        this.queues = queues;
        this.stats = stats;
        this.graphBase = graphBase;
    }

    @Override
    public void changed(MessageChange change) {
        Instant now = change.message().lastModifiedAt();
        for (Subscription subscription : subscriptions.active()) {
            String url = subscription.notificationUrl();
            if (url == null || !subscription.notifies(change.changeType())
                    || !subscription.scope().covers(change.chat())) {
                continue;
            }
            if (subscription.paused()) {
                log.debug("Microsoft emulator: subscription {} awaits reauthorization; change to message {} is lost",
                        subscription.id(), change.message().id());
                continue;
            }
            if (!quota.take(subscription)) {
                log.debug("Microsoft emulator: evaluation quota used up; subscription {} is not told of message {}",
                        subscription.id(), change.message().id());
                continue;
            }
            stats.track(subscription);
            queues.enqueue(url, new PendingNotification(PendingNotification.Kind.CHANGE, subscription.id(),
                    subscription.applicationId(), subscription.tenantId(), subscription.includeResourceData(),
                    item(subscription, change), now));
        }
    }

    private Map<String, @Nullable Object> item(Subscription subscription, MessageChange change) {
        ChatMessage message = change.message();
        String path = "chats('" + message.chatId() + "')/messages('" + message.id() + "')";
        Map<String, @Nullable Object> resourceData = new LinkedHashMap<>();
        resourceData.put("id", message.id());
        resourceData.put("@odata.type", "#Microsoft.Graph.chatMessage");
        resourceData.put("@odata.id", path);
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("subscriptionId", subscription.id());
        item.put("changeType", change.changeType().wireName());
        item.put("clientState", subscription.clientState());
        item.put("subscriptionExpirationDateTime", GraphTime.ticks(subscription.expiration()));
        item.put("resource", path);
        item.put("resourceData", resourceData);
        if (subscription.certificate() != null) {
            item.put("encryptedContent", encryptor.encrypt(plaintext(subscription, message),
                    subscription.certificate()).toJson());
        }
        item.put("tenantId", subscription.tenantId());
        return item;
    }

    /** The message as {@code GET /chats/{id}/messages/{id}} returns it, with its {@code @odata.context}. */
    private byte[] plaintext(Subscription subscription, ChatMessage message) {
        Map<String, @Nullable Object> resource = new LinkedHashMap<>();
        resource.put("@odata.context", graphBase + "/$metadata#chats('" + ChatJson.encode(message.chatId())
                + "')/messages/$entity");
        resource.putAll(ChatJson.message(message, subscription.includeUnknownEnumMembers()));
        return Json.write(resource);
    }
}
