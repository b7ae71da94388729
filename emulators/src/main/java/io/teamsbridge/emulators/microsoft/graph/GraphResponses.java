package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Graph's successful answers: OData JSON with {@code @odata.context} URLs and Graph's headers. */
final class GraphResponses {
    static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private final GraphErrors errors;
    private final URI graphUrl;

    GraphResponses(GraphErrors errors, URI graphUrl) {
        this.errors = errors;
        this.graphUrl = graphUrl;
    }

    /** The {@code @odata.context} URL for a resource path such as {@code users/$entity}. */
    String context(String fragment) {
        return graphUrl + "/$metadata#" + fragment;
    }

    /** An absolute Graph URL for a path below {@code /v1.0}, for {@code @odata.nextLink}. */
    String link(String pathAndQuery) {
        return graphUrl + "/" + pathAndQuery;
    }

    Response json(Request request, int status, Object body) {
        return errors.stamp(request, new Response(status, Map.of("Content-Type", CONTENT_TYPE, "OData-Version", "4.0"),
                Json.write(body)), UUID.randomUUID().toString());
    }
}
