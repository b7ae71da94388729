package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control API's account calls: users (and a signed-in session token for one), bots with their
 * access token, and statuses.
 */
final class ControlAccountRoutes {
    private final UserStore users;
    private final TokenStore tokens;
    private final BotAccounts bots;
    private final Clock clock;

    ControlAccountRoutes(UserStore users, TokenStore tokens, BotAccounts bots, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.bots = bots;
        this.clock = clock;
    }

    void register(Router router) {
        router.post("/_sandbox/users", this::createUser)
                .get("/_sandbox/users", this::listUsers)
                .post("/_sandbox/users/{id}/tokens", this::createSession)
                .put("/_sandbox/users/{id}/status", this::setStatus)
                .post("/_sandbox/bots", this::createBot)
                .put("/_sandbox/tokens/active", this::setTokenActive);
    }

    /** Disables or enables an access token ({@code {"token": "...", "active": false}}), as an admin would. */
    private Response setTokenActive(Request request) {
        JsonBody body = JsonBody.object(request, "body");
        if (!tokens.setActive(body.string("token"), body.bool("active"))) {
            throw AppError.invalidBodyParam("token");
        }
        return Wire.control(200, Map.of("active", body.bool("active")));
    }

    private Response createUser(Request request) {
        JsonBody body = JsonBody.object(request, "body");
        User user = User.create(Ids.newId(), clock.millis(), body.string("username"), body.string("email"),
                body.bool("emailVerified", true), body.string("authService"), body.string("firstName"),
                body.string("lastName"), systemRoles(body.string("roles")),
                body.optionalString("locale").filter(l -> !l.isEmpty()).orElse("en"), false, "");
        return Wire.control(201, Map.of("id", users.add(user).id()));
    }

    private Response listUsers(Request request) {
        List<Map<String, Object>> out = users.all().stream().map(u -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", u.id());
            view.put("username", u.username());
            view.put("email", u.email());
            view.put("roles", u.roles());
            view.put("emailVerified", u.emailVerified());
            view.put("authService", u.authService());
            view.put("isBot", u.isBot());
            return view;
        }).toList();
        return Wire.control(200, out);
    }

    /** A session token for the user, as if they had signed in; works whatever the token settings. */
    private Response createSession(Request request) {
        User user = users.require(request.pathParam("id"));
        return Wire.control(201, Map.of("token", tokens.issue(user.id(), "sandbox session", true).token()));
    }

    private Response setStatus(Request request) {
        JsonBody body = JsonBody.object(request, "body");
        User user = users.require(request.pathParam("id"));
        String status = body.string("status");
        if (!List.of("online", "away", "dnd", "offline", "ooo").contains(status)) {
            throw AppError.invalidBodyParam("status");
        }
        users.setStatus(new UserStatus(user.id(), status, body.bool("manual"), clock.millis(), 0));
        return Wire.control(200, Map.of("userId", user.id(), "status", status));
    }

    /** A bot and an access token for it in one step; the bot's owner is "sandbox". */
    private Response createBot(Request request) {
        JsonBody body = JsonBody.object(request, "body");
        Bot bot = bots.create(body.string("username"), body.string("displayName"), body.string("description"),
                "sandbox", systemRoles(body.string("roles")));
        String token = tokens.issue(bot.userId(), "sandbox", false).token();
        return Wire.control(201, Map.of("id", bot.userId(), "token", token));
    }

    /** Every account has {@code system_user}; "system_admin" alone means both, as the server stores it. */
    private static String systemRoles(String requested) {
        String roles = requested.trim();
        if (roles.isEmpty()) {
            return User.SYSTEM_USER;
        }
        return (" " + roles + " ").contains(" " + User.SYSTEM_USER + " ") ? roles : User.SYSTEM_USER + " " + roles;
    }
}
