package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /$batch}: up to 20 requests, each sent back into this emulator over loopback with
 * the batch's token, so each is routed, permission-checked, throttled and counted on its own, as
 * Graph evaluates batch items. The batch answers 200 whatever the items got. Items run in order;
 * one whose {@code dependsOn} names a failed item gets 424 without running.
 */
final class BatchRoute {
    static final String TEMPLATE = GraphApi.PREFIX + "/$batch";
    static final int MAX_REQUESTS = 20;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers the JDK client sets itself and refuses to take from us. */
    private static final Set<String> RESTRICTED = Set.of("authorization", "connection", "content-length", "expect",
            "host", "upgrade");
    private static final Set<String> ANSWER_HEADERS = Set.of("content-type", "retry-after", "location",
            "odata-version");

    private final URI graphUrl;
    private final GraphErrors errors;
    private final GraphResponses responses;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BatchRoute(URI graphUrl, GraphErrors errors, GraphResponses responses) {
        this.graphUrl = graphUrl;
        this.errors = errors;
        this.responses = responses;
    }

    void register(Router router) {
        router.post(TEMPLATE, this::batch);
    }

    private Response batch(Request request) throws InterruptedException {
        JsonNode items = request.json().get("requests");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new HttpError(400, "BadRequest", "Invalid batch payload format: a non-empty 'requests' array is"
                    + " required.");
        }
        if (items.size() > MAX_REQUESTS) {
            throw new HttpError(400, "BadRequest", "The batch has " + items.size() + " requests; the limit is "
                    + MAX_REQUESTS + ".");
        }
        Map<String, Integer> statusById = new HashMap<>();
        List<Map<String, @Nullable Object>> answers = new ArrayList<>();
        for (JsonNode item : items) {
            String id = field(item, "id");
            if (statusById.containsKey(id)) {
                throw new HttpError(400, "BadRequest", "Request id '" + id + "' appears twice in the batch.");
            }
            Map<String, @Nullable Object> answer = failedDependency(item, statusById)
                    ? error(request, id, new HttpError(424, "FailedDependency",
                            "A request this one depends on failed."))
                    : run(request, id, item);
            statusById.put(id, (Integer) answer.get("status"));
            answers.add(answer);
        }
        return responses.json(request, 200, Map.of("responses", answers));
    }

    private boolean failedDependency(JsonNode item, Map<String, Integer> statusById) {
        JsonNode dependsOn = item.get("dependsOn");
        if (dependsOn == null || dependsOn.isNull()) {
            return false;
        }
        boolean failed = false;
        for (JsonNode dependency : dependsOn) {
            Integer status = statusById.get(dependency.asString());
            if (status == null) {
                throw new HttpError(400, "BadRequest", "dependsOn names '" + dependency.asString() + "', which is"
                        + " not an earlier request of the batch.");
            }
            failed |= status / 100 != 2;
        }
        return failed;
    }

    private Map<String, @Nullable Object> run(Request batch, String id, JsonNode item) throws InterruptedException {
        String method = field(item, "method").toUpperCase(Locale.ROOT);
        String url = field(item, "url");
        if (!METHODS.contains(method)) {
            return error(batch, id, new HttpError(400, "BadRequest", "Method '" + method + "' is not supported."));
        }
        String path = url.startsWith("/") ? url : "/" + url;
        if (url.contains("://") || path.startsWith("/$batch") || path.startsWith(GraphApi.PREFIX + "/")) {
            return error(batch, id, new HttpError(400, "BadRequest", "The url of a batch request must be relative to"
                    + " the version, such as '/me', and cannot be another batch: '" + url + "'."));
        }
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(graphUrl + path)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return error(batch, id, new HttpError(400, "BadRequest", "Invalid request url '" + url + "'."));
        }
        batch.header("authorization").ifPresent(token -> builder.header("Authorization", token));
        boolean contentType = false;
        JsonNode headers = item.get("headers");
        if (headers != null && headers.isObject()) {
            for (Map.Entry<String, JsonNode> header : headers.properties()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!RESTRICTED.contains(name)) {
                    builder.header(header.getKey(), header.getValue().asString());
                    contentType |= "content-type".equals(name);
                }
            }
        }
        JsonNode body = item.get("body");
        if (body != null && !body.isNull()) {
            if (!contentType) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return error(batch, id, new HttpError(500, "internal", "The batch item could not be run: " + e));
        }
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (ANSWER_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
                answerHeaders.put(canonical(name), values.getFirst());
            }
        });
        return answer(id, response.statusCode(), answerHeaders, response.body());
    }

    private Map<String, @Nullable Object> error(Request batch, String id, HttpError error) {
        Response rendered = errors.render(batch, error);
        return answer(id, rendered.status(), Map.of("Content-Type", "application/json"), rendered.body());
    }

    /** JSON bodies are inlined; anything else is base64, as Graph does. */
    private static Map<String, @Nullable Object> answer(String id, int status, Map<String, String> headers,
            byte[] body) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", status);
        out.put("headers", headers);
        if (body.length > 0) {
            String type = headers.getOrDefault("Content-Type", "");
            Object value;
            try {
                value = type.contains("json") ? Json.parse(body) : Base64.getEncoder().encodeToString(body);
            } catch (JacksonException e) {
                value = new String(body, StandardCharsets.UTF_8);
            }
            out.put("body", value);
        }
        return out;
    }

    private static String field(JsonNode item, String name) {
        JsonNode value = item.get(name);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new HttpError(400, "BadRequest", "Invalid batch payload format: every request needs a string '"
                    + name + "'.");
        }
        return value.stringValue();
    }

    private static String canonical(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "content-type" -> "Content-Type";
            case "retry-after" -> "Retry-After";
            case "location" -> "Location";
            case "odata-version" -> "OData-Version";
            default -> header;
        };
    }
}
