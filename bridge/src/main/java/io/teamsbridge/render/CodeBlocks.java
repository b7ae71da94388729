package io.teamsbridge.render;

import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Code: its text as written, fenced blocks and inline spans. Inside code nothing is escaped; the
 * fence or span delimiter is made longer than any backtick run in the code instead.
 */
final class CodeBlocks {
    /** Teams' language names that differ from the highlighter names Mattermost knows. */
    private static final Map<String, String> LANGUAGE_ALIASES = Map.of("c#", "csharp", "c++", "cpp", "f#", "fsharp",
            "plaintext", "", "plain", "", "text", "", "none", "", "vb.net", "vbnet", "objective-c", "objectivec");

    private CodeBlocks() {
    }

    /** The code inside an element: text exactly as written, {@code <br>} and block ends as newlines. */
    static String text(Element element) {
        StringBuilder code = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    code.append(text.getWholeText());
                } else if (node instanceof Element e) {
                    if (HtmlTags.isHidden(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.normalName().equals("br")) {
                        code.append('\n');
                    } else if (node != element && HtmlTags.isBlock(e)) {
                        endLine(code);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node != element && node instanceof Element e && HtmlTags.isBlock(e)) {
                    endLine(code);
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        return normalize(code.toString());
    }

    /**
     * The language named by a {@code language-x} or {@code lang-x} class on the element or its
     * {@code <code>} child; empty when none or unknown.
     */
    static String language(Element element) {
        String found = languageClass(element);
        if (found.isEmpty()) {
            Element code = element.selectFirst("> code");
            found = code == null ? "" : languageClass(code);
        }
        return normalizeLanguage(found);
    }

    static String normalizeLanguage(String language) {
        String lower = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        String name = LANGUAGE_ALIASES.getOrDefault(lower, lower);
        // The info string must not contain backticks or spaces; keep what highlighters use.
        return name.replaceAll("[^a-z0-9+#_.-]", "");
    }

    /** A fenced code block; empty when there is no code. */
    static String fenced(String code, String language) {
        String body = normalize(code);
        if (body.isBlank()) {
            return "";
        }
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        return fence + normalizeLanguage(language) + "\n" + body + "\n" + fence;
    }

    /** An inline code span; empty when there is no code. Line breaks become spaces. */
    static String span(String code) {
        String text = code.replaceAll("[\\s\\u00A0]+", " ");
        if (text.isBlank()) {
            return "";
        }
        String ticks = "`".repeat(longestBacktickRun(text) + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`") || text.startsWith(" ") || text.endsWith(" ");
        return pad ? ticks + " " + text + " " + ticks : ticks + text + ticks;
    }

    /**
     * Non-breaking spaces (Teams indents code with them) become spaces, trailing spaces go, blank
     * lines at the ends go and inner runs of blank lines shrink to one.
     */
    private static String normalize(String code) {
        String text = code.replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        text = text.replaceAll("[ \\t]+\n", "\n").replaceAll("[ \\t]+$", "");
        text = text.replaceAll("\n{3,}", "\n\n");
        return text.replaceAll("^\n+", "").replaceAll("\n+$", "");
    }

    private static String languageClass(Element element) {
        for (String cls : element.classNames()) {
            String lower = cls.toLowerCase(Locale.ROOT);
            if (lower.startsWith("language-")) {
                return cls.substring("language-".length());
            }
            if (lower.startsWith("lang-")) {
                return cls.substring("lang-".length());
            }
        }
        return "";
    }

    private static void endLine(StringBuilder code) {
        if (!code.isEmpty() && code.charAt(code.length() - 1) != '\n') {
            code.append('\n');
        }
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
