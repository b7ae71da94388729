package io.teamsbridge.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts Markdown into pieces no longer than a budget, counted in code points (Mattermost counts
 * runes). Cuts fall between paragraphs where possible, else between lines, else between words, and
 * only as a last resort inside a word (never inside a surrogate pair). A fenced code block that has
 * to be cut is closed at the end of one piece and reopened, with its language, in the next.
 */
final class PostSplitter {
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private PostSplitter() {
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static List<String> split(String markdown, int budget) {
        int limit = Math.max(1, budget);
        List<String> pieces = new ArrayList<>();
        String current = "";
        for (String block : blocks(markdown)) {
            if (!current.isEmpty() && length(current) + 2 + length(block) <= limit) {
                current = current + "\n\n" + block;
            } else if (length(block) <= limit) {
                addIfAny(pieces, current);
                current = block;
            } else {
                addIfAny(pieces, current);
                List<String> parts = splitBlock(block, limit);
                pieces.addAll(parts.subList(0, parts.size() - 1));
                current = parts.getLast();
            }
        }
        addIfAny(pieces, current);
        return pieces;
    }

    private static void addIfAny(List<String> pieces, String piece) {
        if (!piece.isBlank()) {
            pieces.add(piece);
        }
    }

    /** Top-level blocks: separated by blank lines, except inside fenced code. */
    private static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String openFence = null;
        for (String line : markdown.split("\n", -1)) {
            if (openFence == null && line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block.toString());
                    block.setLength(0);
                }
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (openFence == null && fence.find()) {
                openFence = fence.group(1);
            } else if (openFence != null && closes(line, openFence)) {
                openFence = null;
            }
            if (!block.isEmpty()) {
                block.append('\n');
            }
            block.append(line);
        }
        if (!block.isEmpty()) {
            blocks.add(block.toString());
        }
        return blocks;
    }

    private static boolean closes(String line, String openFence) {
        String s = line.strip();
        return s.length() >= openFence.length() && s.chars().allMatch(c -> c == openFence.charAt(0));
    }

    private static List<String> splitBlock(String block, int limit) {
        List<String> lines = List.of(block.split("\n", -1));
        Matcher fence = FENCE.matcher(lines.getFirst());
        if (lines.size() >= 3 && fence.find() && closes(lines.getLast(), fence.group(1))) {
            String open = lines.getFirst();
            String close = lines.getLast();
            int inner = limit - length(open) - length(close) - 2;
            if (inner >= 16) {
                List<String> parts = new ArrayList<>();
                for (String code : packLines(lines.subList(1, lines.size() - 1), inner)) {
                    parts.add(open + "\n" + code + "\n" + close);
                }
                return parts;
            }
        }
        return packLines(lines, limit);
    }

    /** Lines joined into pieces of at most {@code limit}; over-long lines cut between words. */
    private static List<String> packLines(List<String> lines, int limit) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentLength = 0;
        boolean started = false;
        for (String line : lines) {
            for (String part : length(line) <= limit ? List.of(line) : cutLine(line, limit)) {
                int partLength = length(part);
                if (started && currentLength + 1 + partLength > limit) {
                    pieces.add(current.toString());
                    current.setLength(0);
                    currentLength = 0;
                    started = false;
                }
                if (started) {
                    current.append('\n');
                    currentLength++;
                }
                current.append(part);
                currentLength += partLength;
                started = true;
            }
        }
        if (started || pieces.isEmpty()) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    /** Cuts one line at the last space in the second half of each window, else at the limit. */
    private static List<String> cutLine(String line, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = line;
        while (length(rest) > limit) {
            int end = rest.offsetByCodePoints(0, limit);
            int space = rest.lastIndexOf(' ', end);
            if (space > 0 && rest.codePointCount(0, space) >= limit / 2) {
                parts.add(rest.substring(0, space));
                rest = rest.substring(space + 1);
            } else {
                parts.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
        }
        parts.add(rest);
        return parts;
    }
}
