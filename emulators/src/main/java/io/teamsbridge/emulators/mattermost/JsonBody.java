package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON request body read the way Go's {@code json.Decoder} reads it into a struct: absent or
 * null fields are zero values, but a field of the wrong type fails the whole body with
 * {@code api.context.invalid_body_param.app_error} naming the struct ("post", "command", ...).
 */
final class JsonBody {
    private final ObjectNode node;
    private final String name;

    private JsonBody(ObjectNode node, String name) {
        this.node = node;
        this.name = name;
    }

    static JsonBody object(Request request, String name) {
        JsonNode parsed = parse(request, name);
        if (!parsed.isObject()) {
            throw AppError.invalidBodyParam(name);
        }
        return new JsonBody((ObjectNode) parsed, name);
    }

    /** A body that must be a JSON array of strings, as {@code model.ArrayFromJSON} reads it. */
    static List<String> stringArray(Request request, String name) {
        JsonNode parsed = parse(request, name);
        if (!parsed.isArray()) {
            throw AppError.invalidBodyParam(name);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : parsed.values()) {
            if (!item.isString()) {
                throw AppError.invalidBodyParam(name);
            }
            out.add(item.stringValue());
        }
        return out;
    }

    ObjectNode node() {
        return node;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    String string(String field) {
        return optionalString(field).orElse("");
    }

    Optional<String> optionalString(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isString()) {
            throw AppError.invalidBodyParam(name);
        }
        return Optional.of(value.stringValue());
    }

    boolean bool(String field) {
        return bool(field, false);
    }

    boolean bool(String field, boolean absent) {
        if (!has(field)) {
            return absent;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw AppError.invalidBodyParam(name);
        }
        return value.booleanValue();
    }

    List<String> stringList(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw AppError.invalidBodyParam(name);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString()) {
                throw AppError.invalidBodyParam(name);
            }
            out.add(item.stringValue());
        }
        return List.copyOf(out);
    }

    /** A copy of an object field, or an empty object when absent. */
    ObjectNode object(String field) {
        if (!has(field)) {
            return Json.object();
        }
        JsonNode value = node.get(field);
        if (!value.isObject()) {
            throw AppError.invalidBodyParam(name);
        }
        return (ObjectNode) value.deepCopy();
    }

    JsonBody child(String field) {
        if (!has(field) || !node.get(field).isObject()) {
            throw AppError.invalidBodyParam(name);
        }
        return new JsonBody((ObjectNode) node.get(field), name);
    }

    private static JsonNode parse(Request request, String name) {
        if (request.body().length == 0) {
            throw AppError.invalidBodyParam(name);
        }
        try {
            return Json.parse(request.body());
        } catch (JacksonException e) {
            throw AppError.invalidBodyParam(name);
        }
    }
}
