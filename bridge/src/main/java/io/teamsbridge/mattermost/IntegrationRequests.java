package io.teamsbridge.mattermost;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what Mattermost sends for a pressed button or a submitted dialog: a small JSON body with
 * the user's id. Nothing but a MAC inside it vouches for the request, so the body is bounded and
 * read before anything else looks at it.
 */
final class IntegrationRequests {
    static final int MAX_BODY = 16 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(MAX_BODY).build())
            .build()).build();

    private IntegrationRequests() {}

    /** The request's JSON and the user it names, or the refusal to answer with. */
    record Read(JsonNode json, String userId, ResponseEntity<Map<String, Object>> refusal) {}

    static Read read(HttpServletRequest request, String errorField) throws IOException {
        if (!isJson(request.getContentType())) {
            return refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, errorField, "The request must be JSON.");
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return refused(HttpStatus.CONTENT_TOO_LARGE, errorField, "The request is too large.");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return refused(HttpStatus.CONTENT_TOO_LARGE, errorField, "The request is too large.");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return refused(HttpStatus.BAD_REQUEST, errorField, "The request is not JSON.");
        }
        String userId = json == null || !json.path("user_id").isString() ? "" : json.path("user_id").asString();
        if (userId.isEmpty() || userId.length() > 64) {
            return refused(HttpStatus.BAD_REQUEST, errorField, "The request names no user.");
        }
        return new Read(json, userId, null);
    }

    static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String field, String message) {
        return ResponseEntity.status(status).body(Map.of(field, message));
    }

    /** A string field of at most {@code max} characters, if present. */
    static Optional<String> text(JsonNode json, String field, int max) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isString() && value.asString().length() <= max ? Optional.of(value.asString())
                : Optional.empty();
    }

    /** A user id from a request as it may appear in a log line: Mattermost ids are 26 letters and digits. */
    static String safe(String userId) {
        return userId.matches("[a-z0-9]{26}") ? userId : "(malformed id)";
    }

    private static Read refused(HttpStatus status, String field, String message) {
        return new Read(null, null, refuse(status, field, message));
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))
                    && !MediaType.parseMediaType(contentType).isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
