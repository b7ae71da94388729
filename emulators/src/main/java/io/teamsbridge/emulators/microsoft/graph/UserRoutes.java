package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.util.HashSet;
import java.util.Set;

/** {@code GET /me} and {@code GET /users/{id | userPrincipalName}}, with their documented permissions. */
final class UserRoutes {
    private static final Set<String> READ_OTHERS_DELEGATED = Set.of("User.ReadBasic.All", "User.Read.All",
            "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    private static final Set<String> READ_SELF_DELEGATED = union(READ_OTHERS_DELEGATED, Set.of("User.Read",
            "User.ReadWrite"));
    private static final Set<String> READ_APPLICATION = Set.of("User.ReadBasic.All", "User.Read.All",
            "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    private final UserDirectory directory;
    private final GraphAuth auth;
    private final GraphResponses responses;
    private final UserJson json;

    UserRoutes(UserDirectory directory, GraphAuth auth, GraphResponses responses) {
        this.directory = directory;
        this.auth = auth;
        this.responses = responses;
        this.json = new UserJson(responses);
    }

    void register(Router router) {
        router.get(GraphApi.PREFIX + "/me", this::me).get(GraphApi.PREFIX + "/users/{id}", this::user);
    }

    private Response me(Request request) {
        Caller caller = auth.caller(request);
        String userId = GraphAuth.delegatedUser(caller);
        GraphAuth.requireDirectory(caller, READ_SELF_DELEGATED, READ_APPLICATION);
        User user = directory.byId(userId).orElseThrow(() -> notFound(userId));
        return responses.json(request, 200, json.render(user, request.queryParam("$select").orElse(null)));
    }

    private Response user(Request request) {
        Caller caller = auth.caller(request);
        String key = request.pathParam("id");
        User user = directory.byIdOrUpn(key).orElse(null);
        boolean self = user != null && user.id().equals(caller.userId());
        GraphAuth.requireDirectory(caller, self ? READ_SELF_DELEGATED : READ_OTHERS_DELEGATED, READ_APPLICATION);
        if (user == null) {
            throw notFound(key);
        }
        return responses.json(request, 200, json.render(user, request.queryParam("$select").orElse(null)));
    }

    static HttpError notFound(String key) {
        return new HttpError(404, "Request_ResourceNotFound", "Resource '" + key
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
