package io.teamsbridge.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Where a message's content lives outside its body: pasted images and code snippets in Graph's
 * hosted contents, shared files in SharePoint or OneDrive. Found here, with the renderer's own
 * reading of the HTML and cards, so what is fetched is exactly what the renderer will place.
 */
public final class ContentRefs {
    /** The path ending of a hosted content's bytes: {@code …/hostedContents/{id}/$value}. */
    private static final Pattern HOSTED = Pattern.compile("/hostedContents/[^/?#]+/\\$value$");
    static final String CODE_SNIPPET = "application/vnd.microsoft.card.codesnippet";

    private ContentRefs() {}

    /** A code-snippet card and where its code is. */
    public record SnippetRef(String attachmentId, String url, String language) {}

    /** Whether a URL names a hosted content (which needs a Graph token to open). */
    public static boolean isHosted(String url) {
        if (url == null) {
            return false;
        }
        String path = url.strip().replaceAll("[?#].*$", "");
        return HOSTED.matcher(path).find();
    }

    /** The {@code src} of every hosted image of an HTML body, once each, in order. */
    public static List<String> hostedImages(TeamsMessage message) {
        // Most messages have no image: they are not parsed a second time (the renderer parses them once).
        if (message.isPlainText() || !message.content().contains("hostedContents")) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (Element img : Jsoup.parseBodyFragment(message.content()).body().getElementsByTag("img")) {
            String src = img.attr("src").strip();
            if (isHosted(src) && !HtmlTags.hasItemType(img, "Emoji")) {
                found.add(src);
            }
        }
        return List.copyOf(found);
    }

    /** The code-snippet cards whose code is in a hosted content. */
    public static List<SnippetRef> codeSnippets(TeamsMessage message) {
        CardReader cards = new CardReader();
        List<SnippetRef> found = new ArrayList<>();
        for (TeamsAttachment a : message.attachments()) {
            if (!CODE_SNIPPET.equals(a.contentType().strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            cards.parse(a.content()).ifPresent(card -> {
                String url = CardReader.string(card, "codeSnippetUrl").strip();
                if (isHosted(url)) {
                    found.add(new SnippetRef(a.id(), url, CardReader.string(card, "language").strip()));
                }
            });
        }
        return found;
    }

    /** Files shared in the message ({@code reference} attachments with a web address). */
    public static List<TeamsAttachment> sharedFiles(TeamsMessage message) {
        return message.attachments().stream()
                .filter(a -> "reference".equalsIgnoreCase(a.contentType().strip()))
                .filter(a -> LinkTargets.destination(a.contentUrl()).isPresent())
                .toList();
    }
}
