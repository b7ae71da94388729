package io.teamsbridge.emulators.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and a body already encoded. Immutable. */
public record Response(int status, Map<String, String> headers, byte[] body) {

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response json(int status, Object value) {
        return new Response(status, Map.of("Content-Type", "application/json"), Json.write(value));
    }

    public static Response text(int status, String text) {
        return new Response(
                status, Map.of("Content-Type", "text/plain; charset=utf-8"), text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response html(int status, String html) {
        return new Response(
                status, Map.of("Content-Type", "text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8));
    }

    public static Response redirect(String location) {
        return new Response(302, Map.of("Location", location), new byte[0]);
    }

    public static Response empty(int status) {
        return new Response(status, Map.of(), new byte[0]);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }
}
