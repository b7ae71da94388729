package io.teamsbridge.emulators.mattermost;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Users, bot accounts and statuses. Usernames and emails are unique and stored lower-case, as the
 * server's {@code PreSave} does; creation is synchronised so two concurrent creations cannot both
 * claim a name, while reads go straight to the concurrent maps.
 */
final class UserStore {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9.\\-_]{0,63}");
    private static final Set<String> RESERVED = Set.of("all", "channel", "matterbot", "system", "here");

    private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idsByUsername = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idsByEmail = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bot> bots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, UserStatus> statuses = new ConcurrentHashMap<>();

    /** The server's {@code IsValidUsername}. */
    static void validateUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches() || RESERVED.contains(username)) {
            throw new AppError(400, "model.user.is_valid.username.app_error",
                    "Username must begin with a letter, and contain between 3 to 22 lowercase characters made up of"
                            + " numbers, letters, and the symbols '.', '-', and '_'.");
        }
    }

    synchronized User add(User user) {
        String username = user.username().toLowerCase(Locale.ROOT);
        String email = user.email().toLowerCase(Locale.ROOT);
        validateUsername(username);
        if (email.isEmpty() || !email.contains("@")) {
            throw new AppError(400, "model.user.is_valid.email.app_error", "Invalid email.");
        }
        if (idsByUsername.containsKey(username)) {
            throw new AppError(400, "app.user.save.username_exists.app_error",
                    "An account with that username already exists.");
        }
        if (idsByEmail.containsKey(email)) {
            throw new AppError(400, "app.user.save.email_exists.app_error", "An account with that email already exists.");
        }
        User stored = new User(user.id(), user.createAt(), user.updateAt(), user.deleteAt(), username, user.authData(),
                user.authService(), email, user.emailVerified(), user.nickname(), user.firstName(), user.lastName(),
                user.position(), user.roles(), user.notifyProps(), user.lastPasswordUpdate(), user.locale(),
                user.timezone(), user.isBot(), user.botDescription());
        users.put(stored.id(), stored);
        idsByUsername.put(username, stored.id());
        idsByEmail.put(email, stored.id());
        statuses.put(stored.id(), UserStatus.offline(stored.id()));
        return stored;
    }

    /** Adds a bot: its user and its bot record together. */
    synchronized Bot addBot(User user, Bot bot) {
        add(user);
        bots.put(bot.userId(), bot);
        return bot;
    }

    Optional<User> get(String id) {
        return Optional.ofNullable(id == null ? null : users.get(id));
    }

    User require(String id) {
        return get(id).orElseThrow(AppError::userNotFound);
    }

    Optional<User> byUsername(String username) {
        return Optional.ofNullable(idsByUsername.get(username.toLowerCase(Locale.ROOT))).flatMap(this::get);
    }

    Optional<User> byEmail(String email) {
        return Optional.ofNullable(idsByEmail.get(email.toLowerCase(Locale.ROOT))).flatMap(this::get);
    }

    Optional<Bot> bot(String userId) {
        return Optional.ofNullable(userId == null ? null : bots.get(userId));
    }

    List<User> all() {
        return users.values().stream().sorted(Comparator.comparing(User::username)).toList();
    }

    UserStatus status(String userId) {
        return statuses.getOrDefault(userId, UserStatus.offline(userId));
    }

    void setStatus(UserStatus status) {
        statuses.put(status.userId(), status);
    }
}
