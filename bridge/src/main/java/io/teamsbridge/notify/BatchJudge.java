package io.teamsbridge.notify;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.changes.ChangeNotification;
import io.teamsbridge.microsoft.changes.ChangeNotificationCollection;
import io.teamsbridge.microsoft.changes.TokenCheck;
import io.teamsbridge.microsoft.changes.ValidationTokenVerifier;
import io.teamsbridge.microsoft.subscriptions.SubscriptionRegistry;
import io.teamsbridge.store.NewInboxItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * [ingest] Judges a notification request as a whole before any part of it acts. Every item must
 * name a current subscription of ours with its clientState (else it is ignored, or the request is
 * refused when the clientState is wrong or when no item names a subscription we know); our subscription always asks for resource data, so
 * every change item needs the batch's validation tokens to verify, whether or not it carries
 * encrypted content; and tokens that are present must verify even when nothing else needs them.
 * Only a request that passes all of this yields inbox rows and lifecycle events, together.
 */
@Component
class BatchJudge {
    private static final Logger log = LoggerFactory.getLogger(BatchJudge.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LIFECYCLE_EVENTS = Set.of("reauthorizationRequired", "subscriptionRemoved", "missed");

    private final SubscriptionRegistry registry;
    private final ValidationTokenVerifier tokens;

    BatchJudge(SubscriptionRegistry registry, ValidationTokenVerifier tokens) {
        this.registry = registry;
        this.tokens = tokens;
    }

    /** What a request may do, or why it may do nothing. */
    sealed interface Verdict {
        /** Store these changes and then hand over these lifecycle events; {@code ignored} items were not ours. */
        record Accept(List<NewInboxItem> changes, Set<LifecycleEvent> lifecycle, int ignored) implements Verdict {}

        /** Refuse the whole request with this status; nothing of it acts. */
        record Refuse(HttpStatus status, String reason) implements Verdict {}
    }

    record LifecycleEvent(String subscriptionId, String event) {}

    /**
     * @param changesExpected false for the lifecycle URL, where only lifecycle events are acted on
     */
    Verdict judge(ChangeNotificationCollection batch, boolean changesExpected) {
        List<NewInboxItem> changes = new ArrayList<>();
        Set<LifecycleEvent> lifecycle = new LinkedHashSet<>();
        int ignored = 0;
        int unknown = 0;
        for (ChangeNotification item : batch.value()) {
            switch (registry.check(item.subscriptionId(), item.clientState())) {
                case FORGED -> {
                    log.warn("Refused a notification request: an item names subscription {} with the wrong clientState.",
                            item.subscriptionId());
                    return new Verdict.Refuse(HttpStatus.FORBIDDEN, "clientState does not match.");
                }
                case UNVERIFIED -> {
                    return new Verdict.Refuse(HttpStatus.TOO_MANY_REQUESTS,
                            "Too many unknown subscriptions are being looked up; deliver again later.");
                }
                case UNKNOWN -> unknown++;
                case VALID -> {
                    if (item.isLifecycleEvent()) {
                        if (LIFECYCLE_EVENTS.contains(item.lifecycleEvent())) {
                            lifecycle.add(new LifecycleEvent(item.subscriptionId(), item.lifecycleEvent()));
                        } else {
                            log.warn("Ignored an unknown lifecycle event for subscription {}.", item.subscriptionId());
                            ignored++;
                        }
                        continue;
                    }
                    Optional<NewInboxItem> stored = changesExpected ? toInbox(item) : Optional.empty();
                    if (stored.isEmpty()) {
                        log.warn("Ignored a notification about an unexpected resource: {}", item);
                        ignored++;
                        continue;
                    }
                    changes.add(stored.get());
                }
            }
        }
        if (unknown > 0 && unknown == batch.value().size()) {
            // Graph may deliver for a subscription it has just created before we have stored it, and
            // what is not answered 2xx it delivers again: so a request about nothing we know is
            // refused, not dropped. Items of old subscriptions next to current ones are ignored.
            return new Verdict.Refuse(HttpStatus.NOT_FOUND, "No current subscription has these ids.");
        }
        if (!changes.isEmpty() || !batch.validationTokens().isEmpty()) {
            if (tokens.verify(batch.validationTokens()) instanceof TokenCheck.Invalid invalid) {
                log.warn("Refused a notification request of {} item(s): {}", batch.value().size(), invalid.reason());
                return new Verdict.Refuse(HttpStatus.UNAUTHORIZED, "validationTokens: " + invalid.reason());
            }
        }
        return new Verdict.Accept(changes, lifecycle, ignored + unknown);
    }

    private static Optional<NewInboxItem> toInbox(ChangeNotification item) {
        Optional<MessageRef> ref = MessageRef.parse(item.resource());
        String changeType = item.changeType();
        Optional<ChangeType> type = ChangeType.parse(changeType);
        if (ref.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        StoredChange change = new StoredChange(item.subscriptionId(), changeType, item.resource(), item.tenantId(),
                item.encryptedContent());
        String version = type.get() == ChangeType.UPDATED && item.encryptedContent() != null && item.encryptedContent().data() != null
                ? Tokens.sha256(item.encryptedContent().data())
                : "";
        String key = InboxKeys.of(type.get(), ref.get(), version);
        return Optional.of(new NewInboxItem(key, item.subscriptionId(), changeType,
                ref.get().chatId(), ref.get().messageId(), JSON.writeValueAsString(change)));
    }
}
