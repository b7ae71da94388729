package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users, statuses and access tokens: {@code /users/{user_id}} ("me" allowed), by username, by
 * email, in bulk by ids or usernames, statuses, and {@code POST /users/{user_id}/tokens}. Other
 * users are sanitised per the privacy settings, as {@code SanitizeProfile} does.
 */
final class UserRoutes {
    private final UserStore users;
    private final TokenStore tokens;
    private final Permissions permissions;
    private final ServerConfig config;

    UserRoutes(UserStore users, TokenStore tokens, Permissions permissions, ServerConfig config) {
        this.users = users;
        this.tokens = tokens;
        this.permissions = permissions;
        this.config = config;
    }

    void register(ApiRouter api) {
        api.get("/users/{user_id}", this::getUser)
                .get("/users/username/{username}", this::getByUsername)
                .get("/users/email/{email}", this::getByEmail)
                .post("/users/ids", this::getByIds)
                .post("/users/usernames", this::getByUsernames)
                .get("/users/{user_id}/status", this::getStatus)
                .post("/users/status/ids", this::getStatuses)
                .post("/users/{user_id}/tokens", this::createToken);
    }

    /** The {@code user_id} path parameter, with "me" meaning the caller, as the server reads it. */
    static String userIdParam(Request request, Caller caller) {
        String id = request.pathParam("user_id");
        if ("me".equals(id)) {
            return caller.userId();
        }
        if (!Ids.isValid(id)) {
            throw AppError.invalidUrlParam("user_id");
        }
        return id;
    }

    private Response getUser(Request request, Caller caller) {
        User user = users.require(userIdParam(request, caller));
        return Wire.ok(permissions.view(caller.user(), user, config.current()));
    }

    private Response getByUsername(Request request, Caller caller) {
        User user = users.byUsername(request.pathParam("username")).orElseThrow(AppError::userNotFound);
        return Wire.ok(permissions.view(caller.user(), user, config.current()));
    }

    private Response getByEmail(Request request, Caller caller) {
        ServerSettings settings = config.current();
        if (!permissions.seesEmails(caller.user(), settings)) {
            throw new AppError(403, "api.user.get_user_by_email.permissions.app_error", "Unable to get user by email.");
        }
        User user = users.byEmail(request.pathParam("email")).orElseThrow(AppError::userNotFound);
        return Wire.ok(permissions.view(caller.user(), user, settings));
    }

    private Response getByIds(Request request, Caller caller) {
        List<String> ids = JsonBody.stringArray(request, "user_ids");
        if (ids.isEmpty()) {
            throw AppError.invalidBodyParam("user_ids");
        }
        return Wire.ok(visible(caller, ids.stream().map(users::get).toList()));
    }

    private Response getByUsernames(Request request, Caller caller) {
        List<String> names = JsonBody.stringArray(request, "usernames");
        if (names.isEmpty()) {
            throw AppError.invalidBodyParam("usernames");
        }
        return Wire.ok(visible(caller, names.stream().map(users::byUsername).toList()));
    }

    private List<User> visible(Caller caller, List<Optional<User>> found) {
        ServerSettings settings = config.current();
        List<User> out = new ArrayList<>();
        for (Optional<User> user : found) {
            user.ifPresent(u -> out.add(permissions.view(caller.user(), u, settings)));
        }
        return out;
    }

    private Response getStatus(Request request, Caller caller) {
        User user = users.require(userIdParam(request, caller));
        return Wire.ok(users.status(user.id()));
    }

    private Response getStatuses(Request request, Caller caller) {
        List<String> ids = JsonBody.stringArray(request, "user_ids");
        if (ids.isEmpty()) {
            throw AppError.invalidBodyParam("user_ids");
        }
        return Wire.ok(ids.stream().filter(id -> users.get(id).isPresent()).map(users::status).toList());
    }

    /**
     * Needs {@code create_user_access_token}, and for someone else's account the right to manage
     * that user or bot; non-bot accounts additionally need {@code EnableUserAccessTokens}.
     */
    private Response createToken(Request request, Caller caller) {
        String userId = userIdParam(request, caller);
        String description = JsonBody.object(request, "user_access_token").string("description");
        if (description.isEmpty()) {
            throw AppError.invalidBodyParam("description");
        }
        permissions.require(caller.user(), Permission.CREATE_USER_ACCESS_TOKEN);
        boolean ownsBot = users.bot(userId).filter(b -> b.ownerId().equals(caller.userId())).isPresent();
        if (!userId.equals(caller.userId()) && !ownsBot
                && !permissions.has(caller.user(), Permission.EDIT_OTHER_USERS)) {
            throw AppError.permission();
        }
        User user = users.require(userId);
        if (!user.isBot() && !config.current().enableUserAccessTokens()) {
            throw new AppError(501, "app.user_access_token.disabled",
                    "User access tokens are disabled on this server. Please contact your system administrator for details.");
        }
        return Wire.ok(tokens.issue(user.id(), description, false).created());
    }
}
