package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.microsoft.notifications.DeliveryOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How to start a {@link MicrosoftEmulator}: the port, the tenant, the one registered app, the
 * clock every expiry is measured with, and how change notifications are delivered.
 *
 * @param port 0 for any free port
 * @param redirectUris the app's registered reply URLs; empty accepts any absolute http(s) URL
 * @param delivery retry backoff, timeouts and batch size of change-notification delivery
 */
public record MicrosoftEmulatorOptions(int port, String tenantId, String clientId, String clientSecret, Clock clock,
        List<String> redirectUris, DeliveryOptions delivery) {

    public MicrosoftEmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requireText(tenantId, "tenantId");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        Objects.requireNonNull(clock, "clock");
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(delivery, "delivery");
    }

    /** With Graph's delivery timing. */
    public MicrosoftEmulatorOptions(int port, String tenantId, String clientId, String clientSecret, Clock clock,
            List<String> redirectUris) {
        this(port, tenantId, clientId, clientSecret, clock, redirectUris, DeliveryOptions.defaults());
    }

    /** Without a redirect URI allow-list, with Graph's delivery timing. */
    public MicrosoftEmulatorOptions(int port, String tenantId, String clientId, String clientSecret, Clock clock) {
        this(port, tenantId, clientId, clientSecret, clock, List.of());
    }

    /** Any free port, a random GUID tenant and client id, a random secret, the system clock. */
    public static MicrosoftEmulatorOptions defaults() {
        byte[] secret = new byte[30];
        new SecureRandom().nextBytes(secret);
        // Entra secrets are 40 characters with a "~" near the start; the shape helps spot them in configs.
        String value = "Emu8Q~" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret).substring(0, 34);
        return new MicrosoftEmulatorOptions(0, UUID.randomUUID().toString(), UUID.randomUUID().toString(), value,
                Clock.systemUTC());
    }

    public MicrosoftEmulatorOptions withPort(int port) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris, delivery);
    }

    public MicrosoftEmulatorOptions withTenantId(String tenantId) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris, delivery);
    }

    public MicrosoftEmulatorOptions withClientId(String clientId) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris, delivery);
    }

    public MicrosoftEmulatorOptions withClientSecret(String clientSecret) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris, delivery);
    }

    public MicrosoftEmulatorOptions withClock(Clock clock) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris, delivery);
    }

    public MicrosoftEmulatorOptions withRedirectUris(List<String> redirectUris) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris, delivery);
    }

    public MicrosoftEmulatorOptions withDelivery(DeliveryOptions delivery) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris, delivery);
    }

    /** The secret never appears in logs or exception messages. */
    @Override
    public String toString() {
        return "MicrosoftEmulatorOptions[port=" + port + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", clientSecret=(hidden), clock=" + clock + ", redirectUris=" + redirectUris + ", delivery=" + delivery + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
