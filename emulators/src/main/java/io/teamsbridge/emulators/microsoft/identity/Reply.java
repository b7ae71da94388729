package io.teamsbridge.emulators.microsoft.identity;

import io.teamsbridge.emulators.http.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where and how {@code /authorize} answers the client: a 302 to the redirect URI with the result in
 * the query or the fragment, or an auto-submitting form for {@code response_mode=form_post}. The
 * client's {@code state} is echoed on every answer, success or error.
 */
record Reply(String redirectUri, String responseMode, @Nullable String state) {

    Response code(String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        return send(params);
    }

    Response error(OAuthError error, OAuthError.Trace trace) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.code());
        params.put("error_description", error.description(trace));
        return send(params);
    }

    private Response send(Map<String, String> params) {
        if (state != null) {
            params.put("state", state);
        }
        if ("form_post".equals(responseMode)) {
            return Response.html(200, formPost(params)).withHeader("Cache-Control", "no-store");
        }
        String encoded = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String separator = "fragment".equals(responseMode) ? "#" : redirectUri.contains("?") ? "&" : "?";
        return Response.redirect(redirectUri + separator + encoded).withHeader("Cache-Control", "no-store");
    }

    private String formPost(Map<String, String> params) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Working...</title></head>"
                + "<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
                .append(SignInPage.escape(redirectUri)).append("\">");
        params.forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(SignInPage.escape(k))
                .append("\" value=\"").append(SignInPage.escape(v)).append("\">"));
        return html.append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>")
                .toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
