package io.teamsbridge.emulators.microsoft.identity;

import java.net.URI;
import java.util.List;

/**
 * The one confidential client registered in the emulated tenant (the bridge).
 *
 * @param redirectUris the registered reply URLs; empty means any absolute http(s) URL is accepted,
 *     which keeps tests free of port bookkeeping
 */
public record AppRegistration(String tenantId, String clientId, String clientSecret, List<String> redirectUris) {
    /** What {@code https://graph.microsoft.com/.default} grants a delegated request: the app's static permissions. */
    static final List<String> DELEGATED_PERMISSIONS = List.of("User.Read", "Chat.Read", "ChatMessage.Send",
            "Presence.Read.All");
    /** The application permissions an admin consented to; they become an app-only token's {@code roles}. */
    static final List<String> APPLICATION_PERMISSIONS = List.of("Chat.Read.All", "ChatMember.Read.All",
            "Presence.Read.All", "User.Read.All");

    public AppRegistration {
        redirectUris = List.copyOf(redirectUris);
    }

    boolean acceptsRedirect(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (Exception e) {
            return false;
        }
        boolean webUrl = uri.isAbsolute() && uri.getHost() != null
                && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getFragment() == null;
        return webUrl && (redirectUris.isEmpty() || redirectUris.contains(redirectUri));
    }

    /** {@code common} and {@code organizations} resolve to the only tenant there is. */
    boolean servesTenant(String tenant) {
        return tenant.equalsIgnoreCase(tenantId) || "common".equals(tenant) || "organizations".equals(tenant);
    }
}
