package io.teamsbridge.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Fills in the emulated Microsoft sign-in page the way a person would: pick an account, press a button. */
public final class SignInPageForm {
    private final URI action;
    private final Map<String, String> fields = new LinkedHashMap<>();

    public SignInPageForm(URI pageUri, String html) {
        Document page = Jsoup.parse(html, pageUri.toString());
        Element form = page.selectFirst("form");
        if (form == null) {
            throw new IllegalStateException("No sign-in form on the page: " + html);
        }
        this.action = URI.create(form.absUrl("action"));
        for (Element hidden : form.select("input[type=hidden]")) {
            fields.put(hidden.attr("name"), hidden.attr("value"));
        }
    }

    public SignInPageForm pick(String teamsUserId) {
        fields.put("user_id", teamsUserId);
        return this;
    }

    /** The form as submitted with the given button ({@code accept} or {@code cancel}). */
    public String body(String button) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("action", button);
        return all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String action() {
        return action.toString();
    }
}
