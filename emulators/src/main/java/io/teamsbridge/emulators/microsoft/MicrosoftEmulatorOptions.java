package io.teamsbridge.emulators.microsoft;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How to start a {@link MicrosoftEmulator}: the port, the tenant, the one registered app and the
 * clock every expiry is measured with.
 *
 * @param port 0 for any free port
 * @param redirectUris the app's registered reply URLs; empty accepts any absolute http(s) URL
 */
public record MicrosoftEmulatorOptions(
        int port, String tenantId, String clientId, String clientSecret, Clock clock, List<String> redirectUris) {

    public MicrosoftEmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requireText(tenantId, "tenantId");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        Objects.requireNonNull(clock, "clock");
        redirectUris = List.copyOf(redirectUris);
    }

    /** Without a redirect URI allow-list. */
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
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris);
    }

    public MicrosoftEmulatorOptions withTenantId(String tenantId) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris);
    }

    public MicrosoftEmulatorOptions withClientId(String clientId) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris);
    }

    public MicrosoftEmulatorOptions withClientSecret(String clientSecret) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris);
    }

    public MicrosoftEmulatorOptions withClock(Clock clock) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris);
    }

    public MicrosoftEmulatorOptions withRedirectUris(List<String> redirectUris) {
        return new MicrosoftEmulatorOptions(port, tenantId, clientId, clientSecret, clock, redirectUris);
    }

    /** The secret never appears in logs or exception messages. */
    @Override
    public String toString() {
        return "MicrosoftEmulatorOptions[port=" + port + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", clientSecret=(hidden), clock=" + clock + ", redirectUris=" + redirectUris + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
