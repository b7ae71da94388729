package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.HttpError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A control-API JSON object with typed, validating accessors; every mistake is a 400 naming the field. */
record ControlBody(JsonNode node) {

    static ControlBody of(JsonNode node) {
        if (!node.isObject()) {
            throw badRequest("The body must be a JSON object.");
        }
        return new ControlBody(node);
    }

    void rejectUnknown(Set<String> known) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey())) {
                throw badRequest("Unknown field '" + field.getKey() + "'; expected some of " + new TreeSet<>(known) + ".");
            }
        }
    }

    String requiredText(String name) {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw badRequest("Field '" + name + "' is required and must be a non-empty string.");
        }
        return value;
    }

    /** The string value, or null when the field is absent or JSON null. */
    @Nullable String optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw badRequest("Field '" + name + "' must be a string.");
        }
        return value.stringValue();
    }

    Optional<Boolean> optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw badRequest("Field '" + name + "' must be true or false.");
        }
        return Optional.of(value.booleanValue());
    }

    /** A whole number from 0 to {@code max}. */
    Optional<Long> optionalCount(String name, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0 || value.longValue() > max) {
            throw badRequest("Field '" + name + "' must be a whole number from 0 to " + max + ".");
        }
        return Optional.of(value.longValue());
    }

    /** An ISO 8601 time with an offset ({@code 2026-03-02T10:00:00Z}), or null when absent or JSON null. */
    @Nullable Instant optionalInstant(String name) {
        String value = optionalText(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw badRequest("Field '" + name + "' must be an ISO 8601 time with an offset, such as"
                    + " 2026-03-02T10:00:00Z.");
        }
    }

    /** A required array of non-empty strings. */
    List<String> requiredStrings(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw badRequest("Field '" + name + "' is required and must be an array of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString() || element.stringValue().isBlank()) {
                throw badRequest("Field '" + name + "' must only hold non-empty strings.");
            }
            out.add(element.stringValue());
        }
        return out;
    }

    /** The elements of an optional array of objects, each wrapped; empty when the field is absent or null. */
    List<ControlBody> optionalObjects(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw badRequest("Field '" + name + "' must be an array of objects.");
        }
        List<ControlBody> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw badRequest("Field '" + name + "' must only hold objects.");
            }
            out.add(new ControlBody(element));
        }
        return out;
    }

    /** A required whole number. */
    int requiredInt(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw badRequest("Field '" + name + "' is required and must be a whole number.");
        }
        return value.intValue();
    }

    /** A string, or any other JSON value written out as JSON text (an adaptive card's content, say). */
    @Nullable String optionalTextOrJson(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.stringValue() : io.teamsbridge.emulators.http.Json.MAPPER.writeValueAsString(value);
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, "bad_request", message);
    }
}
