package io.teamsbridge.emulators.microsoft.identity;

import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.microsoft.directory.User;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders the emulated sign-in + consent page and Entra-style error pages. The page is plain HTML
 * (no script needed) with stable ids, so people and the browser test can drive it alike: pick a
 * user ({@code input[name=user_id]}) or type a UPN/email ({@code #login}), then {@code #accept} or
 * {@code #cancel}. Accept comes first in the markup so pressing Enter accepts.
 */
final class SignInPage {
    private static final Map<String, String> PERMISSION_TEXT = Map.of(
            "openid", "Sign you in",
            "profile", "View your basic profile",
            "email", "View your email address",
            "offline_access", "Maintain access to data you have given it access to",
            "User.Read", "Sign you in and read your profile",
            "Chat.Read", "Read your chat messages",
            "ChatMessage.Send", "Send chat messages",
            "Presence.Read.All", "Read presence information of all users in your organization");

    private static final String STYLE = """
            body{margin:0;background:#f2f2f2;font:15px/1.4 "Segoe UI",system-ui,sans-serif;color:#1b1b1b}
            main{max-width:440px;margin:48px auto;background:#fff;padding:40px 44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
            .brand{font-weight:600;color:#5e5e5e;margin-bottom:16px}.brand small{font-weight:400}
            h1{font-size:24px;font-weight:600;margin:0 0 12px}ul{padding-left:20px;margin:8px 0 16px}
            fieldset{border:0;padding:0;margin:0 0 12px}legend{font-weight:600;margin-bottom:6px}
            .user{display:flex;gap:10px;align-items:center;padding:8px;border:1px solid #ddd;margin-bottom:6px;cursor:pointer}
            .user:hover{background:#f5f9ff}.upn{color:#5e5e5e;font-size:13px}
            input[type=text]{width:100%;box-sizing:border-box;padding:6px 2px;border:0;border-bottom:1px solid #666;font:inherit}
            .error{color:#e81123;margin:0 0 12px}.buttons{display:flex;flex-direction:row-reverse;gap:8px;margin-top:24px}
            button{min-width:108px;padding:6px 12px;font:inherit;border:1px solid #8a8a8a;background:#ccc;cursor:pointer}
            button.primary{background:#0067b8;border-color:#0067b8;color:#fff}
            .details{font-size:12px;color:#5e5e5e;word-break:break-all}
            """;

    Response page(AuthorizeRequest request, String formAction, List<User> users, @Nullable String error,
            @Nullable String login) {
        StringBuilder html = start("Sign in to your account");
        html.append("<h1>Sign in and accept permissions</h1>")
                .append("<p>The app <strong id=\"app\">").append(escape(request.clientId()))
                .append("</strong> would like to:</p><ul id=\"permissions\">");
        for (String scope : request.scopes().graph()) {
            html.append("<li>").append(escape(PERMISSION_TEXT.getOrDefault(scope, scope))).append("</li>");
        }
        for (String scope : request.scopes().oidc()) {
            html.append("<li>").append(escape(PERMISSION_TEXT.getOrDefault(scope, scope))).append("</li>");
        }
        html.append("</ul><form method=\"post\" action=\"").append(escape(formAction)).append("\">");
        request.parameters().forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
                .append(escape(name)).append("\" value=\"").append(escape(value)).append("\">"));
        if (error != null) {
            html.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        html.append("<fieldset id=\"users\"><legend>Pick an account</legend>");
        if (users.isEmpty()) {
            html.append("<p class=\"upn\">No users exist in this tenant yet.</p>");
        }
        for (User user : users) {
            html.append("<label class=\"user\"><input type=\"radio\" name=\"user_id\" value=\"")
                    .append(escape(user.id())).append("\" data-upn=\"").append(escape(user.userPrincipalName()))
                    .append("\"><span><span class=\"name\">").append(escape(user.displayName()))
                    .append("</span><br><span class=\"upn\">").append(escape(user.userPrincipalName()))
                    .append("</span></span></label>");
        }
        html.append("</fieldset><label for=\"login\">Or type an email address or user principal name</label>")
                .append("<input type=\"text\" id=\"login\" name=\"login\" autocomplete=\"username\" value=\"")
                .append(escape(login == null ? "" : login)).append("\">")
                .append("<div class=\"buttons\">")
                .append("<button type=\"submit\" id=\"accept\" class=\"primary\" name=\"action\" value=\"accept\">")
                .append("Accept</button>")
                .append("<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\">Cancel</button>")
                .append("</div></form>");
        return Response.html(200, finish(html)).withHeader("Cache-Control", "no-store");
    }

    /** Entra's "Sorry, but we're having trouble signing you in" page, with the AADSTS details. */
    Response error(OAuthError error, OAuthError.Trace trace) {
        StringBuilder html = start("Sign in to your account");
        html.append("<h1>Sorry, but we're having trouble signing you in.</h1>")
                .append("<p class=\"error\" id=\"error\">AADSTS").append(error.aadsts()).append(": ")
                .append(escape(error.getMessage())).append("</p>")
                .append("<p class=\"details\">Request Id: ").append(trace.traceId())
                .append("<br>Correlation Id: ").append(trace.correlationId())
                .append("<br>Timestamp: ").append(trace.timestamp()).append("</p>");
        return Response.html(error.status(), finish(html)).withHeader("Cache-Control", "no-store");
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>")
                .append("<div class=\"brand\">Microsoft <small>(emulated)</small></div>");
    }

    private static String finish(StringBuilder html) {
        return html.append("</main></body></html>").toString();
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
