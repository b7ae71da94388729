package io.teamsbridge.emulators.microsoft.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code /authorize} request. Validation follows Entra's order: problems with the
 * tenant, client or redirect URI are shown on an error page (the redirect URI cannot be trusted),
 * later problems are reported to the client by redirecting with {@code error=…}.
 *
 * @param parameters the authorize parameters as received, re-posted by the sign-in page
 */
record AuthorizeRequest(
        String tenant,
        String clientId,
        Reply reply,
        ScopeSet scopes,
        @Nullable PkceChallenge pkce,
        @Nullable String nonce,
        @Nullable String prompt,
        @Nullable String loginHint,
        Map<String, String> parameters) {

    /** The parameters {@code /authorize} understands; anything else is not carried through the page. */
    static final List<String> PARAMETER_NAMES = List.of("client_id", "response_type", "redirect_uri", "scope",
            "state", "response_mode", "code_challenge", "code_challenge_method", "nonce", "prompt", "login_hint");
    private static final Set<String> RESPONSE_MODES = Set.of("query", "fragment", "form_post");
    private static final Set<String> PROMPTS = Set.of("login", "none", "consent", "select_account");

    /** Whether the user must see the page even when an SSO session exists. */
    boolean forcesInteraction() {
        return prompt != null && !"none".equals(prompt);
    }

    sealed interface Outcome {}

    record Valid(AuthorizeRequest request) implements Outcome {}

    /** The request cannot be answered at its redirect URI; Entra shows an error page instead. */
    record ErrorPage(OAuthError error) implements Outcome {}

    /** The redirect URI is trusted, so the error goes back to the client. */
    record ErrorRedirect(Reply reply, OAuthError error) implements Outcome {}

    static Outcome parse(String tenant, Map<String, String> raw, AppRegistration app) {
        Map<String, String> params = new LinkedHashMap<>();
        PARAMETER_NAMES.forEach(name -> {
            String value = raw.get(name);
            if (value != null && !value.isEmpty()) {
                params.put(name, value);
            }
        });
        if (!app.servesTenant(tenant)) {
            return new ErrorPage(OAuthError.unknownTenant(tenant));
        }
        String clientId = params.get("client_id");
        if (clientId == null) {
            return new ErrorPage(OAuthError.missingParameter("client_id"));
        }
        if (!clientId.equals(app.clientId())) {
            return new ErrorPage(OAuthError.unknownClient(clientId, tenant));
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null) {
            return new ErrorPage(OAuthError.missingParameter("redirect_uri"));
        }
        if (!app.acceptsRedirect(redirectUri)) {
            return new ErrorPage(OAuthError.redirectMismatch(redirectUri, clientId));
        }
        String mode = params.getOrDefault("response_mode", "query");
        Reply reply = new Reply(redirectUri, RESPONSE_MODES.contains(mode) ? mode : "query", params.get("state"));
        if (!RESPONSE_MODES.contains(mode)) {
            return new ErrorRedirect(reply, OAuthError.invalidParameter("response_mode", "use query, fragment or form_post."));
        }
        String responseType = params.get("response_type");
        if (responseType == null) {
            return new ErrorRedirect(reply, OAuthError.missingParameter("response_type"));
        }
        if (!"code".equals(responseType)) {
            return new ErrorRedirect(reply, OAuthError.unsupportedResponseType(responseType));
        }
        String scope = params.get("scope");
        if (scope == null || scope.isBlank()) {
            return new ErrorRedirect(reply, OAuthError.missingParameter("scope"));
        }
        ScopeSet scopes;
        try {
            scopes = ScopeSet.parse(scope);
        } catch (OAuthError e) {
            return new ErrorRedirect(reply, e);
        }
        String challenge = params.get("code_challenge");
        String method = params.get("code_challenge_method");
        PkceChallenge pkce = null;
        if (challenge != null) {
            if (!PkceChallenge.validShape(challenge)) {
                return new ErrorRedirect(reply, OAuthError.invalidParameter("code_challenge",
                        "it must be 43 to 128 characters of [A-Za-z0-9-._~]."));
            }
            String effective = method == null ? "plain" : method;
            if (!"S256".equals(effective) && !"plain".equals(effective)) {
                return new ErrorRedirect(reply, OAuthError.invalidParameter("code_challenge_method",
                        "use S256 or plain."));
            }
            pkce = new PkceChallenge(challenge, effective);
        } else if (method != null) {
            return new ErrorRedirect(reply, OAuthError.missingParameter("code_challenge"));
        }
        String prompt = params.get("prompt");
        if (prompt != null && !PROMPTS.contains(prompt)) {
            return new ErrorRedirect(reply, OAuthError.invalidParameter("prompt",
                    "use login, none, consent or select_account."));
        }
        return new Valid(new AuthorizeRequest(tenant, clientId, reply, scopes, pkce, params.get("nonce"), prompt,
                params.get("login_hint"), Collections.unmodifiableMap(params)));
    }
}
