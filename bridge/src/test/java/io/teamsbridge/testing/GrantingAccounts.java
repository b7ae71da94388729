package io.teamsbridge.testing;

import io.teamsbridge.microsoft.GrantedPermissions;
import io.teamsbridge.microsoft.subscriptions.SubscriberAccounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Connected users as a test sets them up, some of whose sign-ins granted a delegated permission;
 * every token lookup is recorded. A user's token is {@code token-of-<id>}.
 */
public final class GrantingAccounts implements SubscriberAccounts {
    private final Map<String, Set<String>> permissions = new LinkedHashMap<>();
    public final List<String> lookups = new ArrayList<>();

    /** Connects the user with the sign-in permissions given. */
    public GrantingAccounts connect(String teamsUserId, String... granted) {
        permissions.put(teamsUserId, new LinkedHashSet<>(List.of(granted)));
        return this;
    }

    @Override
    public Optional<String> accessTokenGranting(String teamsUserId, String permission) {
        lookups.add(teamsUserId);
        return permissions.getOrDefault(teamsUserId, Set.of()).contains(permission) ? Optional.of("token-of-" + teamsUserId)
                : Optional.empty();
    }

    /** How many users' sign-ins granted the permission, of how many connected, as the doctor counts them. */
    public GrantedPermissions.Grants grants(String permission) {
        return new GrantedPermissions.Grants(permissions.values().stream().filter(p -> p.contains(permission)).count(),
                permissions.size());
    }

    @Override
    public Map<String, String> connected() {
        Map<String, String> connected = new LinkedHashMap<>();
        permissions.keySet().forEach(id -> connected.put(id, "mm-" + id));
        return connected;
    }

    @Override
    public long generation() {
        return permissions.size();
    }

    @Override
    public Optional<String> accessToken(String teamsUserId) {
        lookups.add(teamsUserId);
        return permissions.containsKey(teamsUserId) ? Optional.of("token-of-" + teamsUserId) : Optional.empty();
    }

    @Override
    public void tellRefused(String mattermostUserId, String why) {
        throw new UnsupportedOperationException("not told in these tests");
    }
}
