package io.teamsbridge.emulators.mattermost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds to the integration subset the path items (and the schemas they name) that the bridge uses
 * but the subset was cut without, copied line for line from the full OpenAPI file beside it, so
 * those requests are checked against the official description too. Without the full file the
 * subset is used as it is.
 */
final class ContractSlices {
    static final String FULL_FILE = "mattermost-openapi-v4.full.yaml";
    /**
     * {@code GET /channels/{id}/posts}: a retried notification looks for its posts before posting
     * again; {@code POST /files} and {@code GET /files/{id}}: images attached to notifications;
     * {@code GET /websocket}, the reactions and {@code GET /posts/{id}/thread}: replies from
     * Mattermost (the upgrade request is checked like any GET; frames are not in the OpenAPI).
     */
    static final List<String> EXTRA_PATHS = List.of("\"/api/v4/channels/{channel_id}/posts\"", "/api/v4/files",
            "\"/api/v4/files/{file_id}\"", "/api/v4/websocket", "/api/v4/reactions",
            "\"/api/v4/posts/{post_id}/reactions\"",
            "\"/api/v4/users/{user_id}/posts/{post_id}/reactions/{emoji_name}\"", "\"/api/v4/posts/{post_id}/thread\"");
    static final List<String> EXTRA_SCHEMAS = List.of("PostList", "FileInfo");

    private ContractSlices() {}

    static String extend(String subset, Path full) {
        if (!Files.isRegularFile(full)) {
            return subset;
        }
        String source;
        try {
            source = Files.readString(full);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + full + ": " + e.getMessage(), e);
        }
        String out = subset;
        for (String path : EXTRA_PATHS) {
            if (!out.contains("\n  " + path + ":\n")) {
                out = insertBefore(out, "\ncomponents:\n", block(source, "  " + path + ":", 2));
            }
        }
        for (String schema : EXTRA_SCHEMAS) {
            if (!out.contains("\n    " + schema + ":\n")) {
                out = insertAfter(out, "\n  schemas:\n", block(source, "    " + schema + ":", 4));
            }
        }
        return out;
    }

    /** The lines from {@code header} up to the next key at the same indentation. */
    private static String block(String source, String header, int indent) {
        int start = source.indexOf("\n" + header + "\n");
        if (start < 0) {
            throw new IllegalStateException("The full Mattermost contract has no " + header.strip());
        }
        start++;
        int end = source.indexOf('\n', start) + 1;
        while (end < source.length()) {
            int next = source.indexOf('\n', end);
            String line = source.substring(end, next < 0 ? source.length() : next);
            int spaces = line.length() - line.stripLeading().length();
            if (!line.isBlank() && spaces <= indent) {
                break;
            }
            end = next < 0 ? source.length() : next + 1;
        }
        return source.substring(start, end);
    }

    private static String insertBefore(String text, String marker, String block) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("The Mattermost contract subset has no" + marker.replace('\n', ' '));
        }
        return text.substring(0, at + 1) + block + text.substring(at + 1);
    }

    private static String insertAfter(String text, String marker, String block) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("The Mattermost contract subset has no" + marker.replace('\n', ' '));
        }
        return text.substring(0, at + marker.length()) + block + text.substring(at + marker.length());
    }
}
