package io.teamsbridge.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readable text of cards sent by bots and apps: adaptive cards (TextBlock, RichTextBlock,
 * FactSet, Image and containers, with Action.OpenUrl as links) and hero/thumbnail cards.
 *
 * <p>TextBlock and fact texts are written in the adaptive-card Markdown subset (bold, italic,
 * lists, links), which Mattermost reads the same way, so they pass through; only mentions are
 * neutralised. The card tree is walked with an explicit stack, never recursion.
 */
final class CardReader {
    private static final Pattern CARD_MENTION = Pattern.compile("</?at>", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT_NAME = Pattern.compile("(?<![\\p{L}\\p{N}])@(?=[\\p{L}\\p{N}])");
    private static final List<String> CHILD_ARRAYS = List.of("body", "items", "columns", "rows", "cells", "images");

    /** Jackson's shared default mapper: immutable, thread-safe, and free to reuse. */
    private final JsonMapper json = JsonMapper.shared();

    /** A JSON document, or empty when it is not one. */
    Optional<JsonNode> parse(String content) {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(content));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A string property, or empty. */
    static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    /** The Markdown of an adaptive card's content; empty when unreadable. */
    String adaptive(String content) {
        Optional<JsonNode> card = parse(content);
        if (card.isEmpty()) {
            return "";
        }
        List<String> blocks = new ArrayList<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pushChildren(pending, card.get().path("body"));
        while (!pending.isEmpty()) {
            JsonNode element = pending.pop();
            if (!element.isObject()) {
                continue;
            }
            String type = string(element, "type");
            switch (type) {
                case "TextBlock" -> blocks.add(textBlock(element));
                case "RichTextBlock" -> blocks.add(richText(element.path("inlines")));
                case "FactSet" -> blocks.add(facts(element.path("facts")));
                case "Image" -> blocks.add(image(string(element, "url"), string(element, "altText")));
                case "ActionSet" -> blocks.add(actions(element.path("actions")));
                default -> {
                    for (String array : CHILD_ARRAYS) {
                        pushChildren(pending, element.path(array));
                    }
                }
            }
        }
        blocks.add(actions(card.get().path("actions")));
        return MarkdownBlocks.join(blocks);
    }

    /** The Markdown of a hero or thumbnail card's content; empty when unreadable. */
    String hero(String content) {
        Optional<JsonNode> card = parse(content);
        if (card.isEmpty()) {
            return "";
        }
        JsonNode c = card.get();
        List<String> blocks = new ArrayList<>();
        String title = string(c, "title").strip();
        blocks.add(title.isEmpty() ? "" : "**" + MarkdownEscaper.escape(title, '*', false) + "**");
        blocks.add(MarkdownEscaper.escapeLines(string(c, "subtitle").strip()));
        blocks.add(cardText(string(c, "text")));
        for (JsonNode img : c.path("images")) {
            blocks.add(image(string(img, "url"), string(img, "alt")));
        }
        List<String> links = new ArrayList<>();
        for (JsonNode button : c.path("buttons")) {
            if (string(button, "type").equalsIgnoreCase("openUrl") && LinkTargets.destination(string(button, "value")).isPresent()) {
                links.add(link(string(button, "title"), string(button, "value")));
            }
        }
        blocks.add(String.join(" · ", links.stream().filter(l -> !l.isBlank()).toList()));
        return MarkdownBlocks.join(blocks);
    }

    private static void pushChildren(Deque<JsonNode> pending, JsonNode array) {
        if (array.isArray()) {
            for (int i = array.size() - 1; i >= 0; i--) {
                pending.push(array.get(i));
            }
        }
    }

    private static String textBlock(JsonNode block) {
        String text = cardText(string(block, "text"));
        if (text.isEmpty()) {
            return "";
        }
        boolean heading = string(block, "style").equalsIgnoreCase("heading");
        return heading ? "### " + text.replace('\n', ' ') : text;
    }

    private static String richText(JsonNode inlines) {
        StringBuilder out = new StringBuilder();
        for (JsonNode run : inlines) {
            if (run.isString()) {
                out.append(MarkdownEscaper.escape(run.asString(), out.isEmpty() ? -1 : out.codePointBefore(out.length()), out.isEmpty()));
                continue;
            }
            String text = string(run, "text");
            if (text.isBlank()) {
                out.append(text.isEmpty() ? "" : " ");
                continue;
            }
            String md = MarkdownEscaper.escape(text.strip(), '*', false);
            if (string(run, "fontType").equalsIgnoreCase("monospace")) {
                md = CodeBlocks.span(text.strip());
            }
            if (run.path("italic").asBoolean(false)) {
                md = "*" + md + "*";
            }
            if (string(run, "weight").equalsIgnoreCase("bolder")) {
                md = "**" + md + "**";
            }
            if (run.path("strikethrough").asBoolean(false)) {
                md = "~~" + md + "~~";
            }
            JsonNode action = run.path("selectAction");
            // A button whose link is unsafe has nothing left to offer; it is dropped.
            if (string(action, "type").equals("Action.OpenUrl") && LinkTargets.destination(string(action, "url")).isPresent()) {
                md = LinkTargets.link(md, string(action, "url"));
            }
            out.append(Character.isWhitespace(text.charAt(0)) ? " " : "").append(md)
                    .append(Character.isWhitespace(text.charAt(text.length() - 1)) ? " " : "");
        }
        return out.toString().strip();
    }

    private static String facts(JsonNode facts) {
        List<String> lines = new ArrayList<>();
        for (JsonNode fact : facts) {
            String title = string(fact, "title").strip();
            String value = cardText(string(fact, "value")).replace('\n', ' ');
            lines.add(title.isEmpty() ? value : "**" + MarkdownEscaper.escape(title, '*', false) + "**: " + value);
        }
        return String.join("\n", lines);
    }

    private static String actions(JsonNode actions) {
        List<String> links = new ArrayList<>();
        for (JsonNode action : actions) {
            // A button whose link is unsafe has nothing left to offer; it is dropped.
            if (string(action, "type").equals("Action.OpenUrl") && LinkTargets.destination(string(action, "url")).isPresent()) {
                links.add(link(string(action, "title"), string(action, "url")));
            }
        }
        return String.join(" · ", links.stream().filter(l -> !l.isBlank()).toList());
    }

    private static String link(String title, String url) {
        String text = title.isBlank() ? url : title;
        return LinkTargets.link(MarkdownEscaper.escape(text.strip().replaceAll("\\s+", " "), '[', false), url);
    }

    private static String image(String url, String alt) {
        if (LinkTargets.destination(url).isEmpty()) {
            return "";
        }
        return link(alt.isBlank() ? "image" : alt, url);
    }

    /** Card Markdown as written, with mention tags unwrapped and @names unable to ping anyone. */
    private static String cardText(String text) {
        String unwrapped = CARD_MENTION.matcher(text.strip()).replaceAll("");
        return AT_NAME.matcher(unwrapped).replaceAll("@" + MarkdownEscaper.ZERO_WIDTH_SPACE);
    }
}
