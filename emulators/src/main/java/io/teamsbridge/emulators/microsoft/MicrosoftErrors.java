package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.EmulatorServer;
import io.teamsbridge.emulators.http.ErrorRenderer;
import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.microsoft.graph.GraphApi;
import io.teamsbridge.emulators.microsoft.graph.GraphErrors;
import io.teamsbridge.emulators.microsoft.identity.OAuthError;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One server hosts three wire formats, so errors are rendered by path: Graph's shape under
 * {@code /v1.0}, plain JSON for the control API, and Entra's OAuth error JSON everywhere else.
 */
final class MicrosoftErrors implements ErrorRenderer {
    private final GraphErrors graph;
    private final Clock clock;

    MicrosoftErrors(GraphErrors graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    @Override
    public Response render(Request request, HttpError error) {
        if (GraphApi.handles(request.path())) {
            return graph.render(request, error);
        }
        if (request.path().startsWith(EmulatorServer.CONTROL_PREFIX)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error.code());
            body.put("message", error.getMessage());
            return Response.json(error.status(), body);
        }
        OAuthError oauth = error instanceof OAuthError known ? known : OAuthError.from(error);
        return oauth.toResponse(clock);
    }
}
