package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Plain REST calls to the emulator, as the bridge would make them, for assertions on the wire. */
final class RestClient {
    /** One answer: status, headers, raw body and (when JSON) the parsed body. */
    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            return Json.parse(raw.body().getBytes(StandardCharsets.UTF_8));
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    RestClient(URI base) {
        this.base = base;
    }

    Reply get(String path, String token) {
        return send(builder(path).GET(), token);
    }

    Reply delete(String path, String token) {
        return send(builder(path).DELETE(), token);
    }

    Reply post(String path, String token, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    Reply put(String path, String token, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    /** A raw body with its content type (file uploads). */
    Reply postBytes(String path, String token, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    /** A request with arbitrary headers (for the auth variants), no token added. */
    Reply getWith(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path).GET();
        headers.forEach(builder::header);
        return send(builder, null);
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static String json(Object body) {
        return body instanceof String s ? s : new String(Json.write(body), StandardCharsets.UTF_8);
    }

    private static Reply send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
