package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.microsoft.identity.AccessTokenVerifier;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import io.teamsbridge.emulators.microsoft.identity.TokenCheck;
import java.util.Set;

/** Authenticates Graph requests and checks the permissions each operation documents. */
final class GraphAuth {
    private final AccessTokenVerifier verifier;

    GraphAuth(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** @throws HttpError 401 {@code InvalidAuthenticationToken} unless the bearer token is valid */
    Caller caller(Request request) {
        return switch (verifier.check(request.header("authorization").orElse(null))) {
            case TokenCheck.Valid valid -> valid.caller();
            case TokenCheck.Invalid invalid -> throw new HttpError(401, "InvalidAuthenticationToken", invalid.message());
        };
    }

    /** @throws HttpError 400 for app-only tokens, which have no "me" */
    static String delegatedUser(Caller caller) {
        if (!caller.delegated()) {
            throw new HttpError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
        }
        return caller.userId();
    }

    /** @throws HttpError 403 with the directory's wording when no listed permission is held */
    static void requireDirectory(Caller caller, Set<String> delegated, Set<String> application) {
        if (!caller.hasAny(delegated, application)) {
            throw new HttpError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
    }

    /** @throws HttpError 403 with the Teams services' wording when no listed permission is held */
    static void requireTeams(Caller caller, Set<String> delegated, Set<String> application) {
        if (!caller.hasAny(delegated, application)) {
            throw new HttpError(403, "Forbidden", "Missing role permissions on the request. API requires one of '"
                    + String.join(", ", caller.delegated() ? delegated : application)
                    + "'. Roles on the request '" + String.join(", ", caller.delegated() ? caller.scopes()
                            : caller.roles()) + "'.");
        }
    }
}
