package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.changes.ChangeNotification;
import io.teamsbridge.microsoft.changes.ChangeNotificationCollection;
import io.teamsbridge.microsoft.changes.ChangeNotifications;
import io.teamsbridge.microsoft.changes.MalformedNotificationException;
import io.teamsbridge.microsoft.changes.TokenCheck;
import io.teamsbridge.microsoft.changes.ValidationTokenVerifier;
import io.teamsbridge.microsoft.subscriptions.SubscriptionManager;
import io.teamsbridge.microsoft.subscriptions.SubscriptionRegistry;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.NewInboxItem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * [ingest] Graph's change notifications. A batch is accepted only when every item names one of our
 * subscriptions with its clientState (compared in constant time) and, when it carries resource
 * data, its validation tokens verify; then the whole batch is committed to the inbox and only then
 * answered 202. A database that cannot take it gets 503, so Graph delivers again later. Nothing
 * is decrypted or sent anywhere here: the reply must come well within Graph's 3 seconds.
 */
@RestController
class NotificationWebhook {
    private static final Logger log = LoggerFactory.getLogger(NotificationWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_VALIDATION_TOKEN = 4096;

    private final SubscriptionRegistry registry;
    private final ValidationTokenVerifier tokens;
    private final InboxRepository inbox;
    private final InboxSignal signal;
    private final LifecycleEvents lifecycle;
    private final Clock clock;
    private final long maxBodyBytes;

    NotificationWebhook(SubscriptionRegistry registry, ValidationTokenVerifier tokens, InboxRepository inbox,
            InboxSignal signal, LifecycleEvents lifecycle, Clock clock, NotificationsProperties notifications) {
        this.registry = registry;
        this.tokens = tokens;
        this.inbox = inbox;
        this.signal = signal;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.maxBodyBytes = notifications.maxBodySize().toBytes();
    }

    @PostMapping(path = SubscriptionManager.NOTIFICATIONS_PATH)
    ResponseEntity<String> notifications(@RequestParam(name = "validationToken", required = false) String validationToken,
            HttpServletRequest request) throws IOException {
        if (validationToken != null) {
            return handshake(validationToken);
        }
        Optional<byte[]> body = readBody(request);
        if (body.isEmpty()) {
            return text(HttpStatus.CONTENT_TOO_LARGE, "The notification body is larger than " + maxBodyBytes + " bytes.");
        }
        ChangeNotificationCollection batch;
        try {
            batch = ChangeNotifications.parse(body.get());
        } catch (MalformedNotificationException e) {
            return text(HttpStatus.BAD_REQUEST, "Not a change notification collection: " + e.getMessage());
        }
        List<NewInboxItem> items = new ArrayList<>();
        boolean encrypted = false;
        for (ChangeNotification item : batch.value()) {
            switch (registry.check(item.subscriptionId(), item.clientState())) {
                case FORGED -> {
                    log.warn("Refused a notification batch: an item names subscription {} with the wrong clientState.",
                            item.subscriptionId());
                    return text(HttpStatus.FORBIDDEN, "clientState does not match.");
                }
                case UNKNOWN -> log.debug("Ignored a notification for subscription {}, which is not ours.", item.subscriptionId());
                case VALID -> {
                    if (item.isLifecycleEvent()) {
                        lifecycle.handle(item.subscriptionId(), item.lifecycleEvent());
                        continue;
                    }
                    Optional<NewInboxItem> stored = toInbox(item);
                    if (stored.isEmpty()) {
                        log.warn("Ignored a notification about an unexpected resource: {}", item);
                        continue;
                    }
                    encrypted |= item.encryptedContent() != null;
                    items.add(stored.get());
                }
            }
        }
        if (encrypted && tokens.verify(batch.validationTokens()) instanceof TokenCheck.Invalid invalid) {
            log.warn("Refused a notification batch of {} item(s): {}", batch.value().size(), invalid.reason());
            return text(HttpStatus.UNAUTHORIZED, "validationTokens: " + invalid.reason());
        }
        if (items.isEmpty()) {
            return ResponseEntity.accepted().build();
        }
        try {
            inbox.insertAll(items, clock.instant());
        } catch (DataAccessException e) {
            log.warn("Could not store {} notification(s); Graph will deliver them again: {}", items.size(), e.getMessage());
            return text(HttpStatus.SERVICE_UNAVAILABLE, "Storage is unavailable; deliver again later.");
        }
        signal.signal();
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = SubscriptionManager.LIFECYCLE_PATH)
    ResponseEntity<String> lifecycle(@RequestParam(name = "validationToken", required = false) String validationToken,
            HttpServletRequest request) throws IOException {
        if (validationToken != null) {
            return handshake(validationToken);
        }
        Optional<byte[]> body = readBody(request);
        if (body.isEmpty()) {
            return text(HttpStatus.CONTENT_TOO_LARGE, "The body is too large.");
        }
        ChangeNotificationCollection batch;
        try {
            batch = ChangeNotifications.parse(body.get());
        } catch (MalformedNotificationException e) {
            return text(HttpStatus.BAD_REQUEST, "Not a lifecycle notification collection: " + e.getMessage());
        }
        for (ChangeNotification item : batch.value()) {
            if (registry.check(item.subscriptionId(), item.clientState()) == SubscriptionRegistry.Check.FORGED) {
                log.warn("Refused a lifecycle batch: an item names subscription {} with the wrong clientState.", item.subscriptionId());
                return text(HttpStatus.FORBIDDEN, "clientState does not match.");
            }
        }
        for (ChangeNotification item : batch.value()) {
            if (item.isLifecycleEvent() && registry.check(item.subscriptionId(), item.clientState()) == SubscriptionRegistry.Check.VALID) {
                lifecycle.handle(item.subscriptionId(), item.lifecycleEvent());
            }
        }
        return ResponseEntity.accepted().build();
    }

    /** Graph's endpoint validation: echo the (already URL-decoded) token as plain text within 10 s. */
    private static ResponseEntity<String> handshake(String validationToken) {
        if (validationToken.length() > MAX_VALIDATION_TOKEN) {
            return text(HttpStatus.BAD_REQUEST, "validationToken is too long.");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).header("X-Content-Type-Options", "nosniff")
                .body(validationToken);
    }

    private Optional<NewInboxItem> toInbox(ChangeNotification item) {
        Optional<MessageRef> ref = MessageRef.parse(item.resource());
        String changeType = item.changeType();
        if (ref.isEmpty() || changeType == null || !List.of("created", "updated", "deleted").contains(changeType)) {
            return Optional.empty();
        }
        StoredChange change = new StoredChange(item.subscriptionId(), changeType, item.resource(), item.tenantId(),
                item.encryptedContent());
        // created and deleted happen once per message; every edit is its own change, told apart by its content.
        String version = "updated".equals(changeType) && item.encryptedContent() != null && item.encryptedContent().data() != null
                ? Tokens.sha256(item.encryptedContent().data())
                : "";
        String key = changeType + "|" + ref.get().chatId() + "|" + ref.get().messageId() + "|" + version;
        return Optional.of(new NewInboxItem(key.length() > 700 ? Tokens.sha256(key) : key, item.subscriptionId(), changeType,
                ref.get().chatId(), ref.get().messageId(), JSON.writeValueAsString(change)));
    }

    private Optional<byte[]> readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return body.length > maxBodyBytes ? Optional.empty() : Optional.of(body);
        }
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
