package io.teamsbridge.mattermost;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where Mattermost sends a pressed confirm button ({@link Confirmations}): a small JSON body with
 * the presser's {@code user_id} and the button's context. Nothing but the context's MAC vouches for
 * the request, so the body is bounded and read before anything else, and only a context the
 * bridge signed, for this user and not expired, acts. The answer replaces the message, so the
 * button is gone once used.
 */
@RestController
class ConfirmController {
    private static final Logger log = LoggerFactory.getLogger(ConfirmController.class);
    static final int MAX_BODY = 16 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(MAX_BODY).build())
            .build()).build();

    private final Confirmations confirmations;
    private final ConfirmHandler handler;

    ConfirmController(Confirmations confirmations, ConfirmHandler handler) {
        this.confirmations = confirmations;
        this.handler = handler;
    }

    @PostMapping(path = Confirmations.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> pressed(HttpServletRequest request) throws IOException {
        if (!isJson(request.getContentType())) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Button actions are JSON.");
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "The request is too large.");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "The request is too large.");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return refuse(HttpStatus.BAD_REQUEST, "The request is not JSON.");
        }
        String userId = json == null || !json.path("user_id").isString() ? "" : json.path("user_id").asString();
        if (userId.isEmpty() || userId.length() > 64) {
            return refuse(HttpStatus.BAD_REQUEST, "The request names no user.");
        }
        return switch (confirmations.check(json.path("context"), userId)) {
            case Confirmations.Check.Forged forged -> {
                log.warn("Refused a button action in the name of Mattermost user {}: {}.", safe(userId), forged.reason());
                yield refuse(HttpStatus.FORBIDDEN, "This button is not valid for you.");
            }
            case Confirmations.Check.Expired expired -> ResponseEntity.ok(update(
                    "This confirmation has expired, so nothing was changed. Run the command again."));
            case Confirmations.Check.Valid valid -> ResponseEntity.ok(update(handler.confirmed(valid.action(), userId)));
        };
    }

    /** Replaces the message, and with new props its button. */
    private static Map<String, Object> update(String message) {
        return Map.of("update", Map.of("message", message, "props", Map.of(Confirmations.KIND_PROP, "confirmation")));
    }

    private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("ephemeral_text", message));
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))
                    && !MediaType.parseMediaType(contentType).isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A user id from the request as it may appear in a log line: Mattermost ids are 26 letters and digits. */
    private static String safe(String userId) {
        return userId.matches("[a-z0-9]{26}") ? userId : "(malformed id)";
    }
}
