package io.teamsbridge.emulators.microsoft.identity;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenID Connect discovery (v2 and v1 documents) and the JWKS. As at Entra, the multi-tenant
 * aliases publish an issuer with a literal {@code {tenantid}} placeholder, and every JWKS path
 * serves the same signing keys.
 */
final class DiscoveryEndpoints {
    private final AppRegistration app;
    private final SigningKeys keys;
    private final URI baseUrl;

    DiscoveryEndpoints(AppRegistration app, SigningKeys keys, URI baseUrl) {
        this.app = app;
        this.keys = keys;
        this.baseUrl = baseUrl;
    }

    Response openIdConfigurationV2(Request request) {
        String tenant = servedTenant(request);
        String base = baseUrl + "/" + tenant;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token_endpoint", base + "/oauth2/v2.0/token");
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        doc.put("jwks_uri", base + "/discovery/v2.0/keys");
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("issuer", baseUrl + "/" + issuerTenant(tenant) + "/v2.0");
        doc.put("request_uri_parameter_supported", false);
        doc.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        doc.put("code_challenge_methods_supported", List.of("S256", "plain"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name",
                "preferred_username", "email", "oid", "tid", "ver"));
        doc.put("tenant_region_scope", "EU");
        doc.put("cloud_instance_name", "emulator");
        doc.put("msgraph_host", baseUrl.getAuthority());
        return Response.json(200, doc);
    }

    /** The v1 document: where Graph's validation-token samples find the keys. */
    Response openIdConfigurationV1(Request request) {
        String tenant = servedTenant(request);
        String base = baseUrl + "/" + tenant;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token_endpoint", base + "/oauth2/token");
        doc.put("jwks_uri", base + "/discovery/keys");
        doc.put("issuer", "https://sts.windows.net/" + issuerTenant(tenant) + "/");
        doc.put("authorization_endpoint", base + "/oauth2/authorize");
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("response_types_supported", List.of("code"));
        return Response.json(200, doc);
    }

    Response keys(Request request) {
        servedTenant(request);
        return Response.json(200, Map.of("keys", List.of(keys.publicJwk())));
    }

    /** The v2 key set also names the issuer each key is for, as Entra's does. */
    Response keysV2(Request request) {
        String tenant = servedTenant(request);
        Map<String, Object> jwk = new LinkedHashMap<>(keys.publicJwk());
        jwk.put("issuer", baseUrl + "/" + issuerTenant(tenant) + "/v2.0");
        return Response.json(200, Map.of("keys", List.of(jwk)));
    }

    private String servedTenant(Request request) {
        String tenant = request.pathParam("tenant");
        if (!app.servesTenant(tenant)) {
            throw OAuthError.unknownTenant(tenant);
        }
        return tenant;
    }

    private String issuerTenant(String tenant) {
        return tenant.equalsIgnoreCase(app.tenantId()) ? app.tenantId() : "{tenantid}";
    }
}
