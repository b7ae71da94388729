package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.directory.Presence;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code GET /me/presence}, {@code GET /users/{id}/presence} and {@code POST /communications/getPresencesByUserId}. */
final class PresenceRoutes {
    /** Documented cap of {@code getPresencesByUserId}. */
    static final int MAX_IDS = 650;
    private static final Set<String> READ_DELEGATED = Set.of("Presence.Read", "Presence.Read.All");
    private static final Set<String> READ_ALL_DELEGATED = Set.of("Presence.Read.All");
    private static final Set<String> READ_APPLICATION = Set.of("Presence.Read.All");

    private final UserDirectory directory;
    private final GraphAuth auth;
    private final GraphResponses responses;

    PresenceRoutes(UserDirectory directory, GraphAuth auth, GraphResponses responses) {
        this.directory = directory;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        router.get(GraphApi.PREFIX + "/me/presence", this::mine)
                .get(GraphApi.PREFIX + "/users/{id}/presence", this::ofUser)
                .post(GraphApi.PREFIX + "/communications/getPresencesByUserId", this::byUserIds);
    }

    private Response mine(Request request) {
        Caller caller = auth.caller(request);
        String userId = GraphAuth.delegatedUser(caller);
        GraphAuth.requireTeams(caller, READ_DELEGATED, READ_APPLICATION);
        return single(request, userId);
    }

    private Response ofUser(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, READ_DELEGATED, READ_APPLICATION);
        String key = request.pathParam("id");
        User user = directory.byIdOrUpn(key).orElseThrow(() -> UserRoutes.notFound(key));
        return single(request, user.id());
    }

    private Response single(Request request, String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("users('" + userId + "')/presence/$entity"));
        body.putAll(presence(userId));
        return responses.json(request, 200, body);
    }

    private Response byUserIds(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, READ_ALL_DELEGATED, READ_APPLICATION);
        JsonNode ids = request.json().get("ids");
        if (ids == null || !ids.isArray()) {
            throw new HttpError(400, "BadRequest", "The request body must have an 'ids' array of user ids.");
        }
        if (ids.size() > MAX_IDS) {
            throw new HttpError(400, "BadRequest",
                    "The number of ids (" + ids.size() + ") exceeds the limit of " + MAX_IDS + ".");
        }
        List<Map<String, Object>> value = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString() || !isGuid(id.stringValue())) {
                throw new HttpError(400, "BadRequest", "Each id must be a user object id (GUID); got " + id + ".");
            }
            // Ids that name no user are left out of the answer rather than failing the whole call.
            directory.byId(id.stringValue()).ifPresent(user -> value.add(presence(user.id())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("Collection(microsoft.graph.presence)"));
        body.put("value", value);
        return responses.json(request, 200, body);
    }

    private Map<String, Object> presence(String userId) {
        Presence presence = directory.presence(userId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", userId);
        out.put("availability", presence.availability());
        out.put("activity", presence.activity());
        out.put("statusMessage", null);
        Map<String, Object> outOfOffice = new LinkedHashMap<>();
        outOfOffice.put("message", null);
        outOfOffice.put("isOutOfOffice", "OutOfOffice".equals(presence.activity()));
        out.put("outOfOfficeSettings", outOfOffice);
        return out;
    }

    private static boolean isGuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
