package io.teamsbridge.emulators.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps "METHOD /path/{param}" templates to handlers. Literal segments beat parameters, so
 * {@code /users/me} can sit beside {@code /users/{user_id}}; otherwise the first route added wins.
 * A {@link #webSocket} route is a GET route that can also upgrade the connection.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router route(String method, String template, Handler handler) {
        routes.add(new Route(method, template, template.split("/"), handler, null));
        return this;
    }

    /**
     * A GET route whose WebSocket upgrade requests go to {@code endpoint}; a GET that asks for no
     * upgrade (or whose handshake is malformed) gets {@code plain}'s answer.
     */
    public Router webSocket(String template, Handler plain, WebSocketEndpoint endpoint) {
        routes.add(new Route("GET", template, template.split("/"), plain, endpoint));
        return this;
    }

    public Router get(String template, Handler handler) {
        return route("GET", template, handler);
    }

    public Router post(String template, Handler handler) {
        return route("POST", template, handler);
    }

    public Router put(String template, Handler handler) {
        return route("PUT", template, handler);
    }

    public Router patch(String template, Handler handler) {
        return route("PATCH", template, handler);
    }

    public Router delete(String template, Handler handler) {
        return route("DELETE", template, handler);
    }

    /** The best route for the path, if any, and whether some route matched the path for another method. */
    Match match(String method, String path) {
        String[] segments = path.split("/");
        Route best = null;
        Map<String, String> bestParams = null;
        int bestLiterals = -1;
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.bind(segments);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (!route.method.equals(method)) {
                continue;
            }
            int literals = route.literalCount();
            if (literals > bestLiterals) {
                best = route;
                bestParams = params;
                bestLiterals = literals;
            }
        }
        return new Match(Optional.ofNullable(best), bestParams == null ? Map.of() : bestParams, pathKnown);
    }

    record Match(Optional<Route> route, Map<String, String> params, boolean pathKnown) {}

    /** @param webSocket where upgrade requests go; null for a plain route */
    record Route(String method, String template, String[] segments, Handler handler, WebSocketEndpoint webSocket) {
        Map<String, String> bind(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String seg = segments[i];
                if (seg.startsWith("{") && seg.endsWith("}")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    params.put(seg.substring(1, seg.length() - 1), java.net.URLDecoder.decode(
                            path[i].replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
                } else if (!seg.equals(path[i])) {
                    return null;
                }
            }
            return params;
        }

        int literalCount() {
            int n = 0;
            for (String seg : segments) {
                if (!seg.startsWith("{")) {
                    n++;
                }
            }
            return n;
        }
    }
}
