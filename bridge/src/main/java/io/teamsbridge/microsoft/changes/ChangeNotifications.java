package io.teamsbridge.microsoft.changes;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Reads Graph's change notification JSON into the wire records, once, with clear errors. */
public final class ChangeNotifications {
    /**
     * Duplicate keys are refused: two {@code clientState} members could be read differently by
     * two parsers, and Graph never sends them. Unknown members are ignored: Graph adds fields.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ChangeNotifications() {}

    /**
     * Parses a {@code changeNotificationCollection}. The caller caps the body size; arrays of any
     * length are accepted here.
     *
     * @throws MalformedNotificationException when the body is not JSON or not of that shape
     */
    public static ChangeNotificationCollection parse(byte[] json) {
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw new MalformedNotificationException("the body is a JSON " + kind(root) + ", not a change notification collection object");
        }
        JsonNode value = root.get("value");
        if (value == null || !value.isArray()) {
            throw new MalformedNotificationException(value == null
                    ? "the body has no 'value' array of notifications"
                    : "'value' is a JSON " + kind(value) + ", not an array of notifications");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw new MalformedNotificationException("'value[" + i + "]' is a JSON " + kind(value.get(i)) + ", not a notification object");
            }
        }
        JsonNode tokens = root.get("validationTokens");
        if (tokens != null && !tokens.isNull()) {
            if (!tokens.isArray()) {
                throw new MalformedNotificationException("'validationTokens' is a JSON " + kind(tokens) + ", not an array of strings");
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (!tokens.get(i).isString()) {
                    throw new MalformedNotificationException("'validationTokens[" + i + "]' is a JSON " + kind(tokens.get(i)) + ", not a string");
                }
            }
        }
        return map(root, ChangeNotificationCollection.class);
    }

    static JsonNode readTree(byte[] json) {
        if (json.length == 0) {
            throw new MalformedNotificationException("the body is empty");
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new MalformedNotificationException("the body is empty");
            }
            return root;
        } catch (JacksonException e) {
            // Jackson's own message can quote the offending text; say only where it broke.
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new MalformedNotificationException("the body is not valid JSON" + where);
        }
    }

    /** Maps a tree already known to be JSON onto a wire record, naming the member of the wrong type. */
    static <T> T map(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (MismatchedInputException e) {
            throw new MalformedNotificationException("'" + path(e.getPath()) + "' has the wrong type: expected " + expected(e.getTargetType()));
        } catch (JacksonException e) {
            throw new MalformedNotificationException("'" + path(e.getPath()) + "' could not be read");
        }
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(root)" : out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary value";
        };
    }
}
