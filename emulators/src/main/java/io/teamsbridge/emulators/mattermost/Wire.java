package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.http.Response;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the emulator writes the REST API's bodies: records are serialised with snake_case names
 * ({@code createAt} becomes {@code create_at}) exactly as the Go server's {@code json:} tags, and
 * every response carries a fresh {@code X-Request-ID} like the server's handler does. Map keys
 * (props, the PascalCase client config) are left as they are.
 */
final class Wire {
    static final String REQUEST_ID = "X-Request-ID";
    /** Immutable and thread-safe, like the toolkit's mapper it is derived from. */
    static final JsonMapper MAPPER = Json.MAPPER.rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Wire() {}

    static Response json(int status, Object value) {
        return new Response(status, Map.of("Content-Type", "application/json", REQUEST_ID, Ids.newId()),
                MAPPER.writeValueAsBytes(value));
    }

    static Response ok(Object value) {
        return json(200, value);
    }

    static Response created(Object value) {
        return json(201, value);
    }

    /** A control-API body: camelCase like the rest of {@code /_sandbox}, Mattermost objects excepted. */
    static Response control(int status, Object value) {
        return new Response(status, Map.of("Content-Type", "application/json", REQUEST_ID, Ids.newId()),
                Json.write(value));
    }

    /** The server's {@code ReturnStatusOK}. */
    static Response statusOk() {
        return ok(Map.of("status", "OK"));
    }

    /** An error as the server's {@code AppError.ToJSON}, with the request id also in the header. */
    static Response error(HttpError error) {
        String requestId = Ids.newId();
        return new Response(error.status(), Map.of("Content-Type", "application/json", REQUEST_ID, requestId),
                Json.write(errorBody(error, requestId)));
    }

    static ObjectNode errorBody(HttpError error, String requestId) {
        ObjectNode body = Json.object();
        body.put("id", error.code());
        body.put("message", error.getMessage());
        // The server wipes detailed_error unless EnableDeveloper is on, which it is not by default.
        body.put("detailed_error", "");
        body.put("request_id", requestId);
        body.put("status_code", error.status());
        return body;
    }
}
