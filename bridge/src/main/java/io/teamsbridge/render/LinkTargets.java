package io.teamsbridge.render;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs may become links, and how to write them as Markdown link destinations.
 *
 * <p>An allow-list of schemes rather than a deny-list: {@code javascript:}, {@code data:},
 * {@code vbscript:}, relative and malformed URLs all stay plain text. Characters that would end or
 * confuse a destination (space, parentheses, angle brackets, backslash, backtick, and the pipe that
 * splits table cells) are percent-encoded, so a URL can never break out of {@code [text](url)}.
 */
final class LinkTargets {
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /** A bare web address in text; what Mattermost would link by itself. */
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"|\\u00A0]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"*_~";

    private LinkTargets() {
    }

    /** The destination to write for {@code href}, or empty when it must not be linked. */
    static Optional<String> destination(String href) {
        return allowed(href, SAFE_SCHEMES).map(LinkTargets::markdownDestination);
    }

    /**
     * {@code href} as a browser reads it, when its scheme is one of {@code schemes} (lower case) and
     * something follows the scheme; empty otherwise. Encodes nothing.
     */
    static Optional<String> allowed(String href, Set<String> schemes) {
        if (href == null) {
            return Optional.empty();
        }
        // As browsers do: spaces at the ends go, tabs, line breaks and other control characters
        // anywhere go ("java\tscript:" is javascript:), inner spaces stay (callers encode them).
        String url = href.strip().codePoints().filter(c -> c >= 0x20 && c != 0x7F)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Matcher m = SCHEME.matcher(url);
        if (!m.find() || !schemes.contains(m.group(1).toLowerCase(Locale.ROOT)) || url.length() == m.end()) {
            return Optional.empty();
        }
        return Optional.of(url);
    }

    private static String markdownDestination(String url) {
        StringBuilder out = new StringBuilder(url.length() + 8);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> out.append("%20");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '\\' -> out.append("%5C");
                case '`' -> out.append("%60");
                case '|' -> out.append("%7C");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A Markdown link, or the (already escaped) text alone when the URL is not safe. */
    static String link(String markdownText, String href) {
        return destination(href).map(d -> "[" + markdownText + "](" + d + ")").orElse(markdownText);
    }

    /**
     * Finds the next bare web address in {@code text} from {@code from}, or null. Trailing
     * punctuation and an unbalanced closing parenthesis belong to the sentence, not the URL.
     */
    static Span nextBareUrl(String text, int from) {
        Matcher m = BARE_URL.matcher(text);
        if (!m.find(from)) {
            return null;
        }
        int end = m.end();
        while (end > m.start()) {
            char last = text.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(text, m.start(), end, '(') < count(text, m.start(), end, ')')) {
                end--;
            } else {
                break;
            }
        }
        return new Span(m.start(), end);
    }

    /** Where a bare URL is: {@code [start, end)}. */
    record Span(int start, int end) {
    }

    private static int count(String s, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
