package io.teamsbridge.render;

import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;

/**
 * Attachments of a chat message as Markdown: files as {@code 📎 [name](url)} links (Mattermost
 * cannot fetch SharePoint or Graph content, so nothing is embedded), replies and forwards as
 * quotes, code-snippet cards as code, cards as their text.
 */
final class AttachmentRenderer {
    static final String FILE_MARK = "📎 ";

    /** Where an attachment goes relative to the body when the body does not place it. */
    enum Position { BEFORE_BODY, AFTER_BODY, FILES }

    private final CardReader cards;

    AttachmentRenderer(CardReader cards) {
        this.cards = cards;
    }

    Position position(TeamsAttachment a) {
        return switch (kind(a)) {
            case "messagereference", "forwardedmessagereference" -> Position.BEFORE_BODY;
            case "reference" -> Position.FILES;
            default -> a.contentType().toLowerCase(Locale.ROOT).startsWith("application/vnd.microsoft.") ? Position.AFTER_BODY : Position.FILES;
        };
    }

    /** Whether an {@code <attachment id>} tag in the body shows it there (files are listed at the end). */
    boolean showsInPlace(TeamsAttachment a) {
        return position(a) != Position.FILES;
    }

    /** Blocks for an attachment placed by the body. */
    List<String> inBody(TeamsAttachment a, FetchedContent fetched) {
        String markdown = render(a, fetched);
        return markdown.isBlank() ? List.of() : List.of(markdown);
    }

    /** The Markdown of one attachment; empty when there is nothing to show. */
    String render(TeamsAttachment a, FetchedContent fetched) {
        return switch (kind(a)) {
            case "reference" -> file(a);
            case "messagereference" -> quote(a, "", "wrote:");
            case "forwardedmessagereference" -> quote(a, "Forwarded from ", "");
            case ContentRefs.CODE_SNIPPET -> codeSnippet(a, fetched.snippets().get(a.id()));
            case "application/vnd.microsoft.card.adaptive" -> cards.adaptive(a.content());
            case "application/vnd.microsoft.card.hero", "application/vnd.microsoft.card.thumbnail" -> cards.hero(a.content());
            default -> a.contentUrl() != null && !a.contentUrl().isBlank() || a.name() != null && !a.name().isBlank() ? file(a) : "";
        };
    }

    private static String kind(TeamsAttachment a) {
        return a.contentType().strip().toLowerCase(Locale.ROOT);
    }

    private static String file(TeamsAttachment a) {
        String name = a.name() == null || a.name().isBlank() ? lastSegment(a.contentUrl()) : a.name().strip();
        String label = MarkdownEscaper.escape(name.isEmpty() ? "attachment" : name, '[', false);
        return FILE_MARK + LinkTargets.link(label, a.contentUrl());
    }

    private static String lastSegment(String url) {
        if (url == null) {
            return "";
        }
        String path = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * A reply ({@code messageReference}) or forward: who wrote the original and its preview text.
     * The content is JSON with the sender under {@code messageSender} (forwards may use
     * {@code originalMessageSender} / {@code originalSender}) and the text under
     * {@code messagePreview} (or {@code originalMessageContent}, which may be HTML).
     */
    private String quote(TeamsAttachment a, String before, String after) {
        JsonNode content = cards.parse(a.content()).orElse(null);
        if (content == null) {
            return "";
        }
        String name = "";
        for (String field : List.of("messageSender", "originalMessageSender", "originalSender", "sender")) {
            JsonNode sender = content.path(field);
            String candidate = CardReader.string(sender.path("user"), "displayName");
            if (candidate.isBlank()) {
                candidate = CardReader.string(sender.path("application"), "displayName");
            }
            if (!candidate.isBlank()) {
                name = candidate.strip();
                break;
            }
        }
        String text = CardReader.string(content, "messagePreview");
        if (text.isBlank()) {
            text = CodeBlocks.text(Jsoup.parseBodyFragment(CardReader.string(content, "originalMessageContent")).body());
        }
        String body = MarkdownEscaper.escapeLines(text.strip().replace("\r\n", "\n"));
        if (name.isEmpty()) {
            return body.isBlank() ? "" : MarkdownBlocks.quote(body);
        }
        String attribution = before + "**" + MarkdownEscaper.escape(name, '*', false) + "**" + (after.isEmpty() ? ":" : " " + after);
        return MarkdownBlocks.quote(body.isBlank() ? attribution : attribution + "\n" + body);
    }

    /**
     * A code-snippet card as a fenced block in its language: its code fetched from the hosted
     * content (cut with a note when long), or carried in the card itself. Without either it is only
     * named: a hosted content's address needs a Graph token, so a link to it would not open.
     */
    private String codeSnippet(TeamsAttachment a, FetchedContent.Snippet fetched) {
        JsonNode card = cards.parse(a.content()).orElse(null);
        if (card == null) {
            return file(a);
        }
        String language = CardReader.string(card, "language");
        String code = "";
        for (String field : List.of("code", "codeSnippet", "content", "text")) {
            code = CardReader.string(card, field);
            if (!code.isBlank()) {
                break;
            }
        }
        if (fetched != null && !fetched.code().isBlank()) {
            String block = CodeBlocks.fenced(fetched.code(), language);
            return fetched.omittedLines() == 0 ? block : MarkdownBlocks.join(List.of(block, "*(" + fetched.omittedLines()
                    + (fetched.omittedLines() == 1 ? " more line" : " more lines") + " of this snippet in Teams)*"));
        }
        if (!code.isBlank()) {
            return CodeBlocks.fenced(code, language);
        }
        String url = CardReader.string(card, "codeSnippetUrl");
        String name = CardReader.string(card, "name").strip();
        String label = "Code snippet" + (name.isEmpty() ? "" : ": " + name) + (language.isBlank() ? "" : " (" + language.strip() + ")");
        if (ContentRefs.isHosted(url) || url.isBlank()) {
            return FILE_MARK + MarkdownEscaper.escape(label, ' ', false) + ", open the message in Teams to see it";
        }
        return FILE_MARK + LinkTargets.link(MarkdownEscaper.escape(label, '[', false), url);
    }
}
