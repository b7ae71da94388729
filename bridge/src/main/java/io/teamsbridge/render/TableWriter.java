package io.teamsbridge.render;

import java.util.List;

/**
 * Rows of finished cell Markdown to a Markdown table. Markdown tables need a header row, so the
 * first row is the header whatever the HTML said; short rows are padded to the widest.
 */
final class TableWriter {
    private TableWriter() {
    }

    /** The table, or empty when no cell has any content. */
    static String write(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean anyContent = rows.stream().flatMap(List::stream).anyMatch(c -> !c.isBlank());
        if (columns == 0 || !anyContent) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                out.append('\n');
            }
            appendRow(out, rows.get(r), columns);
            if (r == 0) {
                out.append('\n').append("|").append(" --- |".repeat(columns));
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int columns) {
        out.append('|');
        for (int c = 0; c < columns; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            out.append(' ').append(cell.isEmpty() ? "" : cell + " ").append('|');
        }
    }
}
