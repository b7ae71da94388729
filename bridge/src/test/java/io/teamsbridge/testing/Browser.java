package io.teamsbridge.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A person's browser, as far as the sign-in needs one: it keeps cookies and follows redirects, so
 * following a connect link goes to the bridge, to the emulated Microsoft sign-in and back.
 */
public final class Browser {
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Follows a connect link as a person does: opens it, checks that the page names the Mattermost
     * account, and presses Continue, which leads to the Microsoft sign-in and back.
     */
    public HttpResponse<String> connect(String link) {
        HttpResponse<String> confirm = open(link);
        if (confirm.statusCode() != 200 || !confirm.body().contains("id=\"continue\"")) {
            return confirm;
        }
        return pressContinue(confirm);
    }

    /** Submits the confirm page's form, as pressing its Continue button does. */
    public HttpResponse<String> pressContinue(HttpResponse<String> confirm) {
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("name=\"state\" value=\"([^\"]*)\"").matcher(confirm.body());
        if (!state.find()) {
            throw new IllegalStateException("The page has no connect form: " + confirm.body());
        }
        URI action = confirm.request().uri().resolve("connect");
        return send(HttpRequest.newBuilder(action)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin")
                .header("Origin", action.getScheme() + "://" + action.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString("state=" + java.net.URLEncoder.encode(
                        org.springframework.web.util.HtmlUtils.htmlUnescape(state.group(1)), java.nio.charset.StandardCharsets.UTF_8)))
                .build());
    }

    public HttpResponse<String> open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public HttpResponse<String> postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The browser could not open " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
