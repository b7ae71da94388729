package io.teamsbridge.emulators.microsoft.identity;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Response;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An identity platform error with its AADSTS number, rendered like Entra's token endpoint:
 * {@code {"error","error_description","error_codes","timestamp","trace_id","correlation_id"}}.
 * The static factories are the catalogue of errors the emulator can give, so the wording stays in
 * one place.
 */
public final class OAuthError extends HttpError {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final int aadsts;

    OAuthError(int status, String error, int aadsts, String message) {
        super(status, error, message);
        this.aadsts = aadsts;
    }

    public int aadsts() {
        return aadsts;
    }

    /** The token endpoint's JSON error body, with fresh trace and correlation ids. */
    public Response toResponse(Clock clock) {
        Trace trace = Trace.now(clock);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code());
        body.put("error_description", description(trace));
        body.put("error_codes", List.of(aadsts));
        body.put("timestamp", trace.timestamp());
        body.put("trace_id", trace.traceId());
        body.put("correlation_id", trace.correlationId());
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
        return Response.json(status(), body).withHeader("Cache-Control", "no-store, no-cache")
                .withHeader("Pragma", "no-cache").withHeader("x-ms-request-id", trace.traceId());
    }

    /** "AADSTS70008: message Trace ID: … Correlation ID: … Timestamp: …", as Entra words it. */
    String description(Trace trace) {
        return "AADSTS" + aadsts + ": " + getMessage() + " Trace ID: " + trace.traceId() + " Correlation ID: "
                + trace.correlationId() + " Timestamp: " + trace.timestamp();
    }

    record Trace(String traceId, String correlationId, String timestamp) {
        static Trace now(Clock clock) {
            return new Trace(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    TIMESTAMP.format(clock.instant()));
        }
    }

    static OAuthError missingParameter(String name) {
        return new OAuthError(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + name + "'.");
    }

    static OAuthError invalidParameter(String name, String why) {
        return new OAuthError(400, "invalid_request", 90014, "The value of the parameter '" + name + "' is not valid: "
                + why);
    }

    static OAuthError unknownTenant(String tenant) {
        return new OAuthError(400, "invalid_tenant", 90002, "Tenant '" + tenant
                + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
    }

    static OAuthError unknownClient(String clientId, String tenant) {
        return new OAuthError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                + "' was not found in the directory '" + tenant + "'. This can happen if the application has not been"
                + " installed by the administrator of the tenant or consented to by any user in the tenant.");
    }

    static OAuthError missingClientSecret() {
        return new OAuthError(401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    static OAuthError wrongClientSecret(String clientId) {
        return new OAuthError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret"
                + " being sent in the request is the client secret value, not the client secret ID, for a secret added"
                + " to app '" + clientId + "'.");
    }

    static OAuthError unsupportedGrantType(String grantType) {
        return new OAuthError(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grantType + "'.");
    }

    static OAuthError invalidScope(String why) {
        return new OAuthError(400, "invalid_scope", 70011,
                "The provided request must include a 'scope' input parameter. The provided value for the input"
                        + " parameter 'scope' is not valid. " + why);
    }

    static OAuthError clientCredentialsScope(String scope) {
        return new OAuthError(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid."
                + " Client credential flows must have a scope value with /.default suffixed to the resource identifier"
                + " (application ID URI).");
    }

    static OAuthError invalidGrant(int aadsts, String message) {
        return new OAuthError(400, "invalid_grant", aadsts, message);
    }

    static OAuthError redirectMismatch(String redirectUri, String clientId) {
        return new OAuthError(400, "invalid_request", 50011, "The redirect URI '" + redirectUri + "' specified in"
                + " the request does not match the redirect URIs configured for the application '" + clientId
                + "'. Make sure the redirect URI sent in the request matches one added to your application in the"
                + " Azure portal.");
    }

    static OAuthError unsupportedResponseType(String responseType) {
        return new OAuthError(400, "unsupported_response_type", 700051, "response_type '" + responseType
                + "' is not enabled for the application.");
    }

    static OAuthError userDeclined() {
        return new OAuthError(400, "access_denied", 65004, "User declined to consent to access the app.");
    }

    static OAuthError loginRequired() {
        return new OAuthError(400, "login_required", 50058,
                "A silent sign-in request was sent but no user is signed in.");
    }

    static OAuthError unknownResource(String resource) {
        return new OAuthError(400, "invalid_resource", 500011, "The resource principal named " + resource
                + " was not found in the tenant. This can happen if the application has not been installed by the"
                + " administrator of the tenant or consented to by any user in the tenant.");
    }

    /** For the toolkit's own errors (unknown path, wrong method, oversized body) on identity paths. */
    public static OAuthError from(HttpError error) {
        if (error.status() >= 500) {
            return new OAuthError(error.status(), "server_error", 90033, error.getMessage());
        }
        return new OAuthError(error.status(), "invalid_request", error.status() == 405 ? 900561 : 900023,
                error.getMessage());
    }
}
