package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Graph's error body {@code {"error":{"code","message","innerError":{"date","request-id",
 * "client-request-id"}}}} and the {@code request-id} / {@code client-request-id} headers Graph puts
 * on every answer. It needs no URL, so the emulator can build it before its server has a port.
 */
public final class GraphErrors {
    private final Clock clock;

    public GraphErrors(Clock clock) {
        this.clock = clock;
    }

    /** Renders any error on a Graph path, including the toolkit's own (unknown segment, bad JSON, ...). */
    public Response render(Request request, HttpError error) {
        int status = error.status();
        String code = error.code();
        String message = error.getMessage();
        switch (code) {
            case "not_found" -> {
                // Graph answers an unknown path with 400 naming the segment it could not resolve; the last one
                // is the usual culprit (a misspelt navigation property).
                status = 400;
                code = "BadRequest";
                message = "Resource not found for the segment '" + lastSegment(request.path()) + "'.";
            }
            case "method_not_allowed" -> code = "Request_BadRequest";
            case "invalid_body" -> {
                code = "BadRequest";
                message = "Unable to read JSON request payload. Please ensure Content-Type header is set and payload"
                        + " is of valid JSON format.";
            }
            case "too_large" -> code = "RequestEntityTooLarge";
            case "internal" -> code = "UnknownError";
            default -> { }
        }
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)
                .toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId(request, requestId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("innerError", inner);
        Response response = stamp(request,
                new Response(status, Map.of("Content-Type", "application/json"), Json.write(Map.of("error", body))),
                requestId);
        if (status == 401) {
            response = response.withHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri="
                    + "\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id="
                    + "\"00000003-0000-0000-c000-000000000000\"");
        }
        return response;
    }

    Response stamp(Request request, Response response, String requestId) {
        return response.withHeader("request-id", requestId)
                .withHeader("client-request-id", clientRequestId(request, requestId))
                .withHeader("x-ms-ags-diagnostic",
                        "{\"ServerInfo\":{\"DataCenter\":\"Emulator\",\"Slice\":\"E\",\"Ring\":\"0\"}}")
                .withHeader("Cache-Control", "no-cache");
    }

    /** Graph echoes the client's id when sent, else uses its own request id. */
    private static String clientRequestId(Request request, String requestId) {
        return request.header("client-request-id").filter(id -> !id.isBlank() && id.length() <= 128)
                .orElse(requestId);
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
