package io.teamsbridge.emulators.microsoft.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph's endpoint validation: {@code POST {url}?validationToken={token}} with a text/plain
 * content type, which must be answered 200, {@code text/plain}, with the URL-decoded token as the
 * body, within the timeout (10 s at Graph). The token has spaces and colons like Graph's, so an
 * endpoint that echoes it still encoded fails here as it would there.
 */
final class ValidationHandshake {
    private static final Logger log = LoggerFactory.getLogger(ValidationHandshake.class);

    private final HttpClient http;
    private final Duration timeout;

    ValidationHandshake(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** @throws io.teamsbridge.emulators.http.HttpError 400 with Graph's message unless the token is echoed */
    void validate(String url) {
        String token = "Validation: Testing client application reachability for subscription Request-Id: "
                + UUID.randomUUID();
        URI target;
        try {
            target = URI.create(url + (url.contains("?") ? "&" : "?") + "validationToken="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw SubscriptionErrors.invalid("Invalid notification url '" + url + "'.");
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            log.info("Microsoft emulator: validation of {} timed out after {}", url, timeout);
            throw SubscriptionErrors.invalid("Subscription validation request timeout.");
        } catch (IOException e) {
            log.info("Microsoft emulator: validation of {} failed: {}", url, e.toString());
            throw SubscriptionErrors.invalid("Subscription validation request failed. Notification endpoint must"
                    + " respond with 200 OK to validation request.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SubscriptionErrors.invalid("Subscription validation request was interrupted.");
        }
        if (response.statusCode() != 200) {
            log.info("Microsoft emulator: validation of {} answered {}", url, response.statusCode());
            throw SubscriptionErrors.invalid("Subscription validation request failed. HTTP status code is '"
                    + response.statusCode() + "'. Notification endpoint must respond with 200 OK to validation"
                    + " request.");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("text/plain")) {
            throw SubscriptionErrors.invalid("Subscription validation request failed. Response must have"
                    + " Content-Type text/plain, not '" + contentType + "'.");
        }
        if (!token.equals(response.body())) {
            log.info("Microsoft emulator: validation of {} echoed the wrong token", url);
            throw SubscriptionErrors.invalid("Subscription validation request failed. Response must exactly match"
                    + " validationToken query parameter.");
        }
    }
}
