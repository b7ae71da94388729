package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one delivery attempt of a batch: {@code {"value":[...], "validationTokens":[...]}} POSTed
 * to the URL, with one freshly minted token per (app, tenant) whose items carry resource data. A
 * reply that is not 2xx or takes longer than the receiver timeout is a failure, as at Graph.
 */
final class WebhookPoster {
    private static final Logger log = LoggerFactory.getLogger(WebhookPoster.class);

    private final HttpClient http;
    private final Duration timeout;
    private final ValidationTokens tokens;
    private final DeliveryFaults faults;
    private final DeliveryStats stats;

    WebhookPoster(HttpClient http, Duration timeout, ValidationTokens tokens, DeliveryFaults faults,
            DeliveryStats stats) {
        this.http = http;
        this.timeout = timeout;
        this.tokens = tokens;
        this.faults = faults;
        this.stats = stats;
    }

    /** @return whether the receiver accepted the batch */
    boolean post(String url, List<PendingNotification> batch) throws InterruptedException {
        PendingNotification.Kind kind = batch.getFirst().kind();
        if (faults.takeFailure()) {
            stats.failed();
            log.info("Microsoft emulator failed a delivery of {} notification(s) to {} on purpose (failDeliveries)",
                    batch.size(), url);
            return false;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body(batch)))).build();
        } catch (IllegalArgumentException e) {
            stats.failed();
            log.warn("Microsoft emulator cannot deliver to the malformed URL {}", url);
            return false;
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                stats.delivered(batch);
                log.debug("Microsoft emulator delivered {} {} notification(s) to {}: {}", batch.size(), kind, url,
                        response.statusCode());
                return true;
            }
            log.info("Microsoft emulator: {} answered {} to a delivery of {} notification(s); will retry", url,
                    response.statusCode(), batch.size());
        } catch (IOException e) {
            log.info("Microsoft emulator: delivery of {} notification(s) to {} failed ({}); will retry",
                    batch.size(), url, e.toString());
        }
        stats.failed();
        return false;
    }

    private Map<String, Object> body(List<PendingNotification> batch) {
        List<Map<String, @Nullable Object>> value = new ArrayList<>();
        Set<List<String>> audiences = new LinkedHashSet<>();
        for (PendingNotification pending : batch) {
            value.add(pending.item());
            if (pending.withResourceData()) {
                audiences.add(List.of(pending.applicationId(), pending.tenantId()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        if (!audiences.isEmpty()) {
            body.put("validationTokens", audiences.stream().map(a -> tokens.mint(a.get(0), a.get(1))).toList());
        }
        return body;
    }
}
