package io.teamsbridge.linking;

import org.springframework.web.util.HtmlUtils;

/** The small HTML pages a browser sees at the end of a sign-in. Every dynamic value is escaped. */
final class ConnectPages {
    private ConnectPages() {}

    static String connected(ConnectOutcome.Connected outcome) {
        return page("Connected to Microsoft Teams", "ok",
                "<p>Your Mattermost account is now connected to the Teams account <strong>"
                        + HtmlUtils.htmlEscape(nullToEmpty(outcome.teamsDisplayName())) + "</strong> ("
                        + HtmlUtils.htmlEscape(nullToEmpty(outcome.teamsAccount())) + ").</p>"
                        + "<p>The bot has sent you a message in Mattermost explaining what happens next. "
                        + "You can close this window.</p>");
    }

    /** Says whose Mattermost account the link connects, and asks to continue (a form, no script). */
    static String confirm(io.teamsbridge.mattermost.MattermostWire.User user, String state, String action) {
        String name = ((nullToEmpty(user.firstName()) + " " + nullToEmpty(user.lastName())).strip());
        String who = "<strong>@" + HtmlUtils.htmlEscape(nullToEmpty(user.username())) + "</strong>"
                + (name.isEmpty() ? "" : " (" + HtmlUtils.htmlEscape(name) + ")");
        return page("Connect Microsoft Teams to Mattermost", "confirm",
                "<p>This link connects the Mattermost account " + who + " to the Microsoft Teams account you sign in "
                        + "with next.</p>"
                        + "<p>Continue only if " + who + " is <em>your</em> Mattermost account: that account will be told "
                        + "about your Teams chats. If someone sent you this link, close this page.</p>"
                        + "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\">"
                        + "<input type=\"hidden\" name=\"state\" value=\"" + HtmlUtils.htmlEscape(state) + "\">"
                        + "<button id=\"continue\" type=\"submit\">Continue to Microsoft sign-in</button></form>");
    }

    static String refused(ConnectOutcome.Refused outcome) {
        return page(outcome.title(), "error", "<p>" + HtmlUtils.htmlEscape(outcome.advice()) + "</p>"
                + "<p>Nothing was connected.</p>");
    }

    private static String page(String title, String kind, String body) {
        String escapedTitle = HtmlUtils.htmlEscape(title);
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · teams-bridge</title>
                <style>
                  body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f5f7;color:#1f2328;margin:0}
                  main{max-width:34rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem 2.25rem;
                       box-shadow:0 1px 3px rgba(0,0,0,.12)}
                  h1{font-size:1.35rem;margin:0 0 1rem} .ok h1{color:#1a7f37} .error h1{color:#b42318}
                  p{line-height:1.5} footer{margin-top:1.5rem;font-size:.8rem;color:#656d76}
                  button{font:inherit;background:#1f6feb;color:#fff;border:0;border-radius:6px;padding:.6rem 1.1rem;cursor:pointer}
                </style></head>
                <body><main class="%s" data-outcome="%s"><h1>%s</h1>%s<footer>teams-bridge</footer></main></body></html>
                """.formatted(escapedTitle, kind, kind, escapedTitle, body);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
