package io.teamsbridge.microsoft.changes;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Graph's change notification JSON into the wire records, once, with clear errors.
 *
 * <p>The webhook calls this before anything is authenticated, so the work it does for a stranger
 * is bounded: the body is read as a stream, one notification at a time, never as a tree; a
 * collection may hold at most {@value #MAX_ITEMS} notifications (Graph sends far fewer) and
 * {@value #MAX_VALIDATION_TOKENS} validation tokens; strings, names, numbers and nesting are
 * capped; and reading stops at the first thing over a limit, without looking at the rest.
 */
public final class ChangeNotifications {
    /** Graph batches a few dozen notifications; a thousand is already far beyond what it sends. */
    public static final int MAX_ITEMS = 1000;
    /** One token per (app, tenant) in the batch: one for us, a few where apps share a URL. */
    public static final int MAX_VALIDATION_TOKENS = 100;
    /** A chat message of Teams' ~28 KB limit, encrypted and base64-encoded, fits many times over. */
    static final int MAX_STRING_CHARS = 1 << 20;
    /** A notification is four levels deep (collection, value, item, resourceData). */
    static final int MAX_DEPTH = 16;
    static final int MAX_NAME_CHARS = 256;
    static final int MAX_NUMBER_CHARS = 64;
    private static final long UNBOUNDED = Long.MAX_VALUE;

    private static final ChangeNotifications UNLIMITED_LENGTH = new ChangeNotifications(UNBOUNDED);

    /**
     * Duplicate keys are refused: two {@code clientState} members could be read differently by
     * two parsers, and Graph never sends them. Unknown members are ignored: Graph adds fields.
     */
    static final JsonMapper JSON = mapper(UNBOUNDED).rebuild().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final JsonMapper json;
    private final long maxBytes;

    /** @param maxBytes the longest body read; a longer one is refused with {@link OversizedNotificationException} */
    public ChangeNotifications(long maxBytes) {
        this.maxBytes = maxBytes;
        this.json = mapper(maxBytes);
    }

    private static JsonMapper mapper(long maxBytes) {
        StreamReadConstraints.Builder limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxNumberLength(MAX_NUMBER_CHARS);
        if (maxBytes != UNBOUNDED) {
            limits.maxDocumentLength(maxBytes);
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits.build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Items are read one by one from the open stream, so what follows an item is not "trailing".
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Parses a {@code changeNotificationCollection} held in memory (a captured notification, a test).
     *
     * @throws MalformedNotificationException when the body is not JSON or not of that shape, or
     *     exceeds a limit
     */
    public static ChangeNotificationCollection parse(byte[] json) {
        return UNLIMITED_LENGTH.read(new ByteArrayInputStream(json));
    }

    /**
     * Reads a {@code changeNotificationCollection} from a stream, stopping at the first problem.
     *
     * @throws OversizedNotificationException when the body is longer than allowed or holds too many
     *     notifications or tokens
     * @throws MalformedNotificationException when it is not JSON, not of that shape, or a string,
     *     name, number or nesting exceeds its limit
     */
    public ChangeNotificationCollection read(InputStream body) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new MalformedNotificationException("the body is empty");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedNotificationException("the body is a JSON " + kind(token)
                        + ", not a change notification collection object");
            }
            List<ChangeNotification> items = null;
            List<String> tokens = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "value" -> items = items(parser, value);
                    case "validationTokens" -> tokens = validationTokens(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedNotificationException("the body is not valid JSON: there is more after the collection");
            }
            if (items == null) {
                throw new MalformedNotificationException("the body has no 'value' array of notifications");
            }
            return new ChangeNotificationCollection(items, tokens);
        } catch (StreamConstraintsException e) {
            throw limitExceeded(e);
        } catch (JacksonException e) {
            throw notJson(e);
        }
    }

    private List<ChangeNotification> items(JsonParser parser, JsonToken start) {
        if (start != JsonToken.START_ARRAY) {
            throw new MalformedNotificationException("'value' is a JSON " + kind(start) + ", not an array of notifications");
        }
        List<ChangeNotification> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int index = items.size();
            if (index == MAX_ITEMS) {
                throw new OversizedNotificationException("the collection holds more than " + MAX_ITEMS + " notifications");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedNotificationException("'value[" + index + "]' is a JSON " + kind(token)
                        + ", not a notification object");
            }
            try {
                items.add(json.readValue(parser, ChangeNotification.class));
            } catch (MismatchedInputException e) {
                throw new MalformedNotificationException("'value[" + index + "]." + path(e.getPath())
                        + "' has the wrong type: expected " + expected(e.getTargetType()));
            } catch (StreamConstraintsException e) {
                throw e;
            } catch (JacksonException e) {
                if (e.getPath().isEmpty()) {
                    throw e;
                }
                throw new MalformedNotificationException("'value[" + index + "]." + path(e.getPath()) + "' could not be read");
            }
        }
        return items;
    }

    private static List<String> validationTokens(JsonParser parser, JsonToken start) {
        if (start == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (start != JsonToken.START_ARRAY) {
            throw new MalformedNotificationException("'validationTokens' is a JSON " + kind(start) + ", not an array of strings");
        }
        List<String> tokens = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (tokens.size() == MAX_VALIDATION_TOKENS) {
                throw new OversizedNotificationException("the collection holds more than " + MAX_VALIDATION_TOKENS
                        + " validation tokens");
            }
            if (token != JsonToken.VALUE_STRING) {
                throw new MalformedNotificationException("'validationTokens[" + tokens.size() + "]' is a JSON " + kind(token)
                        + ", not a string");
            }
            tokens.add(parser.getString());
        }
        return tokens;
    }

    private RuntimeException limitExceeded(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("Document length")) {
            return new OversizedNotificationException("the body is longer than " + maxBytes + " bytes");
        }
        String which = message.contains("String value length") ? "a string is longer than " + MAX_STRING_CHARS + " characters"
                : message.contains("Name length") ? "a member name is longer than " + MAX_NAME_CHARS + " characters"
                : message.contains("Number value length") ? "a number is longer than " + MAX_NUMBER_CHARS + " digits"
                : message.contains("nesting depth") ? "the JSON is nested deeper than " + MAX_DEPTH + " levels"
                : "it exceeds a limit";
        return new MalformedNotificationException("the body is not a plausible change notification collection: " + which);
    }

    private static MalformedNotificationException notJson(JacksonException e) {
        // Jackson's own message can quote the offending text; say only where it broke.
        TokenStreamLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new MalformedNotificationException("the body is not valid JSON" + where);
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
            throw notJson(e);
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

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> "value";
        };
    }
}
