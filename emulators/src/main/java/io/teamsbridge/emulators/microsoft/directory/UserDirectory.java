package io.teamsbridge.emulators.microsoft.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The tenant's users and their presence. Thread-safe; users are never deleted. */
public final class UserDirectory {
    private final Map<String, User> usersById = new ConcurrentHashMap<>();
    private final Map<String, Presence> presenceById = new ConcurrentHashMap<>();

    /**
     * Adds a user with a fresh GUID id. The UPN defaults to the mail address, like an account
     * created in the Microsoft 365 admin centre.
     *
     * @throws IllegalArgumentException when the input is incomplete or the UPN is taken
     */
    public User create(String displayName, @Nullable String mail, @Nullable String userPrincipalName) {
        return create(displayName, mail, userPrincipalName, null);
    }

    /** @param homeTenantId null for a member of the emulated tenant, else the user's own organisation */
    public synchronized User create(String displayName, @Nullable String mail, @Nullable String userPrincipalName,
            @Nullable String homeTenantId) {
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("displayName must not be blank");
        }
        String upn = userPrincipalName != null ? userPrincipalName : mail;
        if (upn == null || !looksLikeAddress(upn)) {
            throw new IllegalArgumentException("userPrincipalName (or mail, its default) must look like name@domain");
        }
        if (mail != null && !looksLikeAddress(mail)) {
            throw new IllegalArgumentException("mail must look like name@domain");
        }
        // synchronized only so two creates cannot both pass this uniqueness check.
        if (findByLogin(upn).isPresent()) {
            throw new IllegalArgumentException("a user with userPrincipalName or mail '" + upn + "' already exists");
        }
        String[] names = displayName.trim().split("\\s+", 2);
        User user = new User(UUID.randomUUID().toString(), displayName.trim(), names[0],
                names.length > 1 ? names[1] : null, mail, upn, homeTenantId);
        usersById.put(user.id(), user);
        return user;
    }

    public Optional<User> byId(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    /** Graph's {@code /users/{id | userPrincipalName}} lookup. */
    public Optional<User> byIdOrUpn(String key) {
        User byId = usersById.get(key);
        if (byId != null) {
            return Optional.of(byId);
        }
        return usersById.values().stream().filter(u -> u.userPrincipalName().equalsIgnoreCase(key)).findFirst();
    }

    /** The sign-in page's lookup: what a person types, their UPN or their mail address. */
    public Optional<User> findByLogin(String login) {
        return usersById.values().stream().filter(u -> u.answersTo(login)).findFirst();
    }

    /** All users, by display name then id, so pages and listings are stable. */
    public List<User> all() {
        return usersById.values().stream()
                .sorted(Comparator.comparing(User::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(User::id))
                .toList();
    }

    public Presence presence(String userId) {
        return presenceById.getOrDefault(userId, Presence.OFFLINE);
    }

    public void setPresence(String userId, Presence presence) {
        if (!usersById.containsKey(userId)) {
            throw new IllegalArgumentException("no user with id " + userId);
        }
        presenceById.put(userId, presence);
    }

    private static boolean looksLikeAddress(String value) {
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1 && value.strip().equals(value);
    }
}
