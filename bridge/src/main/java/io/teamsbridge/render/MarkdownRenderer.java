package io.teamsbridge.render;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Teams chat message (HTML or text body, mentions, attachments) to Mattermost Markdown.
 *
 * <p>Layout: reply and forward quotes not placed by the body, then the body, then cards, then the
 * files as {@code 📎} links. Text shows as written (Markdown characters escaped, {@code @names}
 * neutralised); mentioned Teams users who are connected become {@code @username}. The result is
 * trimmed, without trailing spaces or runs of blank lines. Thread-safe: it keeps no state between
 * calls.
 */
public final class MarkdownRenderer {
    private final AttachmentRenderer attachments = new AttachmentRenderer(new CardReader());

    public MarkdownRenderer() {
    }

    /**
     * @param usernameOfTeamsUser the Mattermost usernames of the mentioned Teams users who are connected,
     *     by Entra object id (resolved before rendering, so rendering reads nothing)
     */
    public String render(TeamsMessage message, java.util.Map<String, String> usernameOfTeamsUser) {
        RenderState state = new RenderState(message, usernameOfTeamsUser, attachments::showsInPlace);
        String body = message.isPlainText() ? plainText(message.content()) : html(message.content(), state);
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (TeamsAttachment a : state.unplaced()) {
            switch (attachments.position(a)) {
                case BEFORE_BODY -> before.add(attachments.render(a, message.fetched()));
                case AFTER_BODY -> after.add(attachments.render(a, message.fetched()));
                case FILES -> files.add(attachments.render(a, message.fetched()));
            }
        }
        List<String> blocks = new ArrayList<>(before);
        blocks.add(body);
        blocks.addAll(after);
        blocks.add(String.join("\n", files.stream().filter(f -> !f.isBlank()).toList()));
        return MarkdownBlocks.tidy(MarkdownBlocks.join(blocks));
    }

    private String html(String content, RenderState state) {
        Element body = Jsoup.parseBodyFragment(content).body();
        return MarkdownBlocks.join(new BlockConverter(state, attachments).blocks(body, 0));
    }

    /** A text body: each line escaped, bare web addresses linked, line breaks kept. */
    private static String plainText(String content) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        for (String line : lines) {
            InlineBuilder text = new InlineBuilder(true, false);
            text.text(line, true);
            out.add(text.markdown());
        }
        return String.join("\n", out);
    }
}
