package io.teamsbridge.emulators.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One received HTTP request, read whole. Header names are lower-case.
 *
 * @param template the route's path template ("/api/v4/users/{user_id}"), or the raw path when no
 *     route matched
 */
public record Request(
        String method,
        URI uri,
        String template,
        Map<String, String> pathParams,
        Map<String, List<String>> headers,
        byte[] body) {

    public String path() {
        return uri.getPath();
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Query parameters, URL-decoded; the first value wins for repeated names. */
    public Map<String, String> query() {
        return decodeForm(uri.getRawQuery());
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query().get(name));
    }

    /** The body as {@code application/x-www-form-urlencoded} fields. */
    public Map<String, String> form() {
        return decodeForm(new String(body, StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or an {@link HttpError} 400 when it is not JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            throw new HttpError(400, "invalid_body", "The request body is empty; JSON was expected.");
        }
        try {
            return Json.parse(body);
        } catch (JacksonException e) {
            throw new HttpError(400, "invalid_body", "The request body is not valid JSON.");
        }
    }

    public Request withRoute(String routeTemplate, Map<String, String> params) {
        return new Request(method, uri, routeTemplate, params, headers, body);
    }

    static Map<String, String> decodeForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
