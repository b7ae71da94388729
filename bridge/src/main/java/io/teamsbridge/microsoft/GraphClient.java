package io.teamsbridge.microsoft;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.http.OutboundHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft Graph v1.0 over the JDK HTTP client: typed calls, errors mapped from Graph's
 * {@code {"error":{"code","message"}}} shape, and {@code Retry-After} honoured on 429/503.
 */
@Component
public class GraphClient {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final MicrosoftProperties properties;
    private final OutboundHttp http;

    public GraphClient(MicrosoftProperties properties) {
        this.properties = properties;
        this.http = new OutboundHttp(OutboundHttp.newClient(Duration.ofSeconds(3)), Duration.ofSeconds(2), "Microsoft Graph");
    }

    /** The signed-in user of a delegated token. */
    public GraphUser me(String userAccessToken) {
        return get("/me?$select=id,displayName,mail,userPrincipalName", userAccessToken, GraphUser.class);
    }

    private <T> T get(String path, String accessToken, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.graphBase() + path))
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request);
        } catch (OutboundHttp.UnreachableException e) {
            throw new GraphException(0, "unreachable", e.getMessage(), e);
        }
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (response.statusCode() / 100 != 2) {
            throw error(pathOnly, response);
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new GraphException(response.statusCode(), "unreadable_response",
                    "Graph answered GET " + pathOnly + " with a body that is not the expected JSON", e);
        }
    }

    private static GraphException error(String path, HttpResponse<byte[]> response) {
        String code = "http_" + response.statusCode();
        String message = "";
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            code = error.path("code").asString(code);
            message = error.path("message").asString("");
        } catch (JacksonException notJson) {
            // keep the status as the code
        }
        return new GraphException(response.statusCode(), code,
                "Graph answered GET " + path + " with " + response.statusCode() + " " + code
                        + (message.isEmpty() ? "" : ": " + message), null);
    }
}
