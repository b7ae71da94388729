package io.teamsbridge.emulators.microsoft.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who a verified Graph access token speaks for.
 *
 * @param userId the signed-in user's object id for delegated tokens; null for app-only tokens
 * @param scopes delegated permissions ({@code scp}); empty for app-only tokens
 * @param roles application permissions ({@code roles}); empty for delegated tokens
 */
public record Caller(String tenantId, String appId, @Nullable String userId, Set<String> scopes, Set<String> roles) {

    public Caller {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    public boolean delegated() {
        return userId != null;
    }

    /** Whether the token carries any of these permissions, delegated or application as it is. */
    public boolean hasAny(Set<String> delegatedPermissions, Set<String> applicationPermissions) {
        Set<String> held = delegated() ? scopes : roles;
        Set<String> wanted = delegated() ? delegatedPermissions : applicationPermissions;
        return wanted.stream().anyMatch(held::contains);
    }
}
