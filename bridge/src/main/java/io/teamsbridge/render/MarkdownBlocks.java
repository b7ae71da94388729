package io.teamsbridge.render;

import java.util.List;

/** Laying out finished Markdown blocks: joining, quoting, indenting, and the final tidy-up. */
final class MarkdownBlocks {
    private MarkdownBlocks() {
    }

    /** Blocks as separate paragraphs. */
    static String join(List<String> blocks) {
        return String.join("\n\n", blocks.stream().filter(b -> !b.isBlank()).toList());
    }

    /**
     * Blocks inside a list item, one line apart so the list stays tight; a table still needs the
     * blank line before it to be read as one.
     */
    static String joinTight(List<String> blocks) {
        StringBuilder out = new StringBuilder();
        for (String block : blocks) {
            if (block.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(block.startsWith("| ") ? "\n\n" : "\n");
            }
            out.append(block);
        }
        return out.toString();
    }

    /** A block quote: every line behind {@code >}, blank lines as a bare {@code >}. */
    static String quote(String markdown) {
        return prefix(markdown, "> ", "> ");
    }

    /** {@code first} before the first line, {@code rest} before the others; blank lines stay empty. */
    static String prefix(String markdown, String first, String rest) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length() + lines.length * rest.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String p = i == 0 ? first : rest;
            out.append(lines[i].isBlank() ? p.stripTrailing() : p + lines[i]);
        }
        return out.toString();
    }

    /** No trailing spaces, never two blank lines in a row, nothing blank at either end. */
    static String tidy(String markdown) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length());
        boolean blank = true;
        for (String line : lines) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                if (!blank) {
                    out.append('\n');
                }
                blank = true;
            } else {
                out.append(trimmed).append('\n');
                blank = false;
            }
        }
        return out.toString().strip();
    }
}
