package io.teamsbridge.emulators.microsoft.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scopes of a delegated request, split the way Entra treats them: OpenID Connect scopes, and
 * Microsoft Graph permissions (bare names, or prefixed with Graph's URI or app id, which mean the
 * same). {@code /.default} stands for the app's registered permissions and cannot be mixed with
 * named ones.
 */
record ScopeSet(Set<String> oidc, Set<String> graph) {
    static final String GRAPH_RESOURCE = "https://graph.microsoft.com";
    static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    static final String GRAPH_DEFAULT = GRAPH_RESOURCE + "/.default";
    private static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");
    /** Entra always lists the sign-in permission in a Graph token: apps are registered with it. */
    private static final String SIGN_IN_PERMISSION = "User.Read";

    ScopeSet {
        graph = orderedCopy(graph);
        oidc = orderedCopy(oidc);
    }

    /** Parses a space-separated {@code scope} parameter; the result is never empty of Graph scopes. */
    static ScopeSet parse(String scope) {
        Set<String> oidc = new LinkedHashSet<>();
        Set<String> graph = new LinkedHashSet<>();
        boolean defaultScope = false;
        for (String raw : scope.trim().split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (OIDC.contains(raw.toLowerCase(Locale.ROOT))) {
                oidc.add(raw.toLowerCase(Locale.ROOT));
                continue;
            }
            String permission = graphPermission(raw);
            if (".default".equals(permission)) {
                defaultScope = true;
            } else {
                graph.add(permission);
            }
        }
        if (defaultScope && !graph.isEmpty()) {
            throw OAuthError.invalidScope("'/.default' cannot be combined with other resource scopes.");
        }
        if (defaultScope) {
            graph.addAll(AppRegistration.DELEGATED_PERMISSIONS);
        }
        graph.add(SIGN_IN_PERMISSION);
        return new ScopeSet(oidc, graph);
    }

    boolean has(String oidcScope) {
        return oidc.contains(oidcScope);
    }

    /** Whether every scope in {@code requested} was granted here (refresh with a narrower scope). */
    boolean covers(ScopeSet requested) {
        return graph.containsAll(requested.graph) && oidc.containsAll(requested.oidc);
    }

    /** The access token's {@code scp}: Graph permissions plus the identity scopes, never offline_access. */
    String scp() {
        List<String> all = new ArrayList<>(graph);
        oidc.stream().filter(s -> !"offline_access".equals(s)).forEach(all::add);
        return String.join(" ", all);
    }

    /** The permission name of a Graph scope; any other resource is not in the emulated tenant. */
    private static String graphPermission(String raw) {
        for (String prefix : List.of(GRAPH_RESOURCE + "/", GRAPH_APP_ID + "/")) {
            if (raw.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return raw.substring(prefix.length());
            }
        }
        if (raw.contains("/") || raw.contains(":")) {
            int slash = raw.lastIndexOf('/');
            throw OAuthError.unknownResource(slash > 0 ? raw.substring(0, slash) : raw);
        }
        return raw;
    }

    private static Set<String> orderedCopy(Set<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
