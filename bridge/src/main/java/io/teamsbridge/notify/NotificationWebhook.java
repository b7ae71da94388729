package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.microsoft.changes.ChangeNotificationCollection;
import io.teamsbridge.microsoft.changes.ChangeNotifications;
import io.teamsbridge.microsoft.changes.MalformedNotificationException;
import io.teamsbridge.microsoft.changes.OversizedNotificationException;
import io.teamsbridge.microsoft.subscriptions.SubscriptionManager;
import io.teamsbridge.store.InboxRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * [ingest] Graph's change and lifecycle notifications. Before anything is known about the sender,
 * the work is bounded: a place among the bodies being read (else 503 with {@code Retry-After},
 * before reading), a JSON content type, and a streaming read with limits on bytes, items, strings
 * and nesting (else 4xx at once). Then {@link BatchJudge} decides on the request as a whole, and
 * only an accepted request acts: its changes are committed to the inbox and only then answered
 * 202 (a database that cannot take them gets 503, so Graph delivers again), except the new
 * messages {@link Triage} finds concern no one (counted, not stored), and its lifecycle
 * events are handed on after that. Nothing is decrypted or sent anywhere here: the reply must come
 * well within Graph's 3 seconds.
 */
@RestController
class NotificationWebhook {
    private static final Logger log = LoggerFactory.getLogger(NotificationWebhook.class);
    private static final int MAX_VALIDATION_TOKEN = 4096;

    private final BatchJudge judge;
    private final InboxRepository inbox;
    private final InboxSignal signal;
    private final LifecycleEvents lifecycle;
    private final Clock clock;
    private final ChangeNotifications reader;
    private final BodyBudget budget;
    private final long maxBodyBytes;
    private final IngestMetrics metrics;
    private final Triage triage;
    private final DecisionLog decisions;

    NotificationWebhook(BatchJudge judge, Triage triage, InboxRepository inbox, InboxSignal signal, LifecycleEvents lifecycle,
            Clock clock, NotificationsProperties notifications, IngestMetrics metrics, DecisionLog decisions) {
        this.metrics = metrics;
        this.triage = triage;
        this.decisions = decisions;
        this.judge = judge;
        this.inbox = inbox;
        this.signal = signal;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.maxBodyBytes = notifications.maxBodySize().toBytes();
        this.reader = new ChangeNotifications(maxBodyBytes);
        this.budget = new BodyBudget();
    }

    @PostMapping(path = SubscriptionManager.NOTIFICATIONS_PATH)
    ResponseEntity<String> notifications(@RequestParam(name = "validationToken", required = false) String validationToken,
            HttpServletRequest request) throws IOException {
        return validationToken != null ? handshake(validationToken) : receive(request, true);
    }

    @PostMapping(path = SubscriptionManager.LIFECYCLE_PATH)
    ResponseEntity<String> lifecycle(@RequestParam(name = "validationToken", required = false) String validationToken,
            HttpServletRequest request) throws IOException {
        return validationToken != null ? handshake(validationToken) : receive(request, false);
    }

    private ResponseEntity<String> receive(HttpServletRequest request, boolean changesExpected) throws IOException {
        if (!isJson(request.getContentType())) {
            metrics.unread("not_json");
            return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Change notifications are JSON (Content-Type: application/json).");
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            metrics.unread("too_large");
            return text(HttpStatus.CONTENT_TOO_LARGE, "The notification body is larger than " + maxBodyBytes + " bytes.");
        }
        Optional<BodyBudget.Body> opened = budget.open(request.getInputStream());
        if (opened.isEmpty()) {
            metrics.unread("busy");
            return busy("Too many notification requests are being read at once; deliver again shortly.");
        }
        ChangeNotificationCollection batch;
        try (BodyBudget.Body body = opened.get()) {
            try {
                batch = reader.read(body);
            } catch (MalformedNotificationException e) {
                body.discardRest(maxBodyBytes);
                metrics.unread(e instanceof OversizedNotificationException ? "too_large" : "malformed");
                return e instanceof OversizedNotificationException
                        ? text(HttpStatus.CONTENT_TOO_LARGE, "Refused: " + e.getMessage() + ".")
                        : text(HttpStatus.BAD_REQUEST, "Not a change notification collection: " + e.getMessage());
            }
        } catch (BodyBudget.Exhausted e) {
            metrics.unread("busy");
            return busy("Too many notification bytes are being read at once; deliver again shortly.");
        } catch (BodyBudget.TooSlow e) {
            metrics.unread("too_slow");
            return text(HttpStatus.REQUEST_TIMEOUT, "The body did not arrive in time.");
        }
        return switch (judge.judge(batch, changesExpected)) {
            case BatchJudge.Verdict.Refuse refuse -> {
                metrics.refused(batch, refuse.status());
                yield refuse.status() == HttpStatus.TOO_MANY_REQUESTS
                        ? retryLater(refuse.status(), refuse.reason()) : text(refuse.status(), refuse.reason());
            }
            case BatchJudge.Verdict.Accept accept -> act(accept);
        };
    }

    private ResponseEntity<String> act(BatchJudge.Verdict.Accept accept) {
        Triage.Sorted sorted = Triage.Sorted.NOTHING;
        Set<String> newlySettled = Set.of();
        if (!accept.changes().isEmpty()) {
            try {
                sorted = triage.sort(accept.changes());
                if (!sorted.toStore().isEmpty() || !sorted.settled().isEmpty()) {
                    newlySettled = inbox.insertAll(sorted.toStore(),
                            sorted.settled().stream().map(HeldBackOnArrival.Settled::item).toList(), clock.instant()).newlySettled();
                }
            } catch (DataAccessException e) {
                log.warn("Could not store {} notification(s); Graph will deliver them again: {}", accept.changes().size(),
                        e.getMessage());
                metrics.unavailable(accept);
                return busy("Storage is unavailable; deliver again later.");
            }
            if (!sorted.toStore().isEmpty()) {
                signal.signal();
            }
            for (HeldBackOnArrival.Settled settled : sorted.settled()) {
                if (newlySettled.contains(settled.item().dedupeKey())) { // not a redelivery: decided once
                    decisions.settledOnArrival(settled);
                }
            }
            sorted.concernNobody().forEach(change -> decisions.concernsNobody(change.chatId(), change.messageId()));
        }
        metrics.accepted(accept, sorted);
        accept.lifecycle().forEach(event -> lifecycle.handle(event.subscriptionId(), event.event()));
        return ResponseEntity.accepted().build();
    }

    /** Graph sends {@code application/json; charset=utf-8}; anything that is not JSON is not Graph. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String charset = type.getParameter("charset");
            return (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))
                    && !type.isWildcardType() && !type.isWildcardSubtype()
                    && (charset == null || charset.replace("\"", "").equalsIgnoreCase("utf-8"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Graph's endpoint validation: echo the (already URL-decoded) token as plain text within 10 s. */
    private static ResponseEntity<String> handshake(String validationToken) {
        if (validationToken.length() > MAX_VALIDATION_TOKEN) {
            return text(HttpStatus.BAD_REQUEST, "validationToken is too long.");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).header("X-Content-Type-Options", "nosniff")
                .body(validationToken);
    }

    private static ResponseEntity<String> busy(String message) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, message);
    }

    private static ResponseEntity<String> retryLater(HttpStatus status, String message) {
        return ResponseEntity.status(status).header("Retry-After", "1").contentType(MediaType.TEXT_PLAIN).body(message);
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
