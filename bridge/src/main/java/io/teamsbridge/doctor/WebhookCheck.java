package io.teamsbridge.doctor;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.microsoft.subscriptions.SubscriptionManager;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The notification URL answers as Graph requires before it creates a subscription: a POST with a
 * random {@code validationToken} must come back as that token, in plain text, within 10 seconds.
 * Sent to {@code bridge.public-url}, the way Graph reaches it, so a wrong address, a reverse proxy
 * that does not pass the path, or a service that is not running all show here.
 */
final class WebhookCheck implements Check {
    private static final String NAME = "Public webhook";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BridgeProperties bridge;
    private final OutboundClients clients;

    WebhookCheck(BridgeProperties bridge, OutboundClients clients) {
        this.bridge = bridge;
        this.clients = clients;
    }

    @Override
    public List<Finding> run() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String token = "doctor-" + HexFormat.of().formatHex(random);
        URI url = URI.create(bridge.publicBase() + SubscriptionManager.NOTIFICATIONS_PATH + "?validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        String fix = "bridge.public-url must reach this service over the internet (Graph calls it): check the address, DNS, "
                + "the TLS certificate and that the reverse proxy passes " + SubscriptionManager.NOTIFICATIONS_PATH
                + " through; teams-bridge itself must be running";
        HttpResponse<String> answer;
        try {
            answer = clients.client().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return List.of(Finding.fail(NAME, bridge.publicBase() + " cannot be reached from this host: " + Messages.firstLine(e), fix));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.fail(NAME, "interrupted", fix));
        }
        if (answer.statusCode() != 200 || !token.equals(answer.body())) {
            return List.of(Finding.fail(NAME, url.getScheme() + "://" + url.getAuthority() + SubscriptionManager.NOTIFICATIONS_PATH
                    + " answered " + answer.statusCode() + " without echoing the validation token", fix));
        }
        return List.of(Finding.pass(NAME, bridge.publicBase() + SubscriptionManager.NOTIFICATIONS_PATH
                + " answers Graph's validation"));
    }
}
