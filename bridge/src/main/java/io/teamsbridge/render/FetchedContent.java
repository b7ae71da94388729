package io.teamsbridge.render;

import java.util.Map;

/**
 * What was fetched for a message before rendering: content Graph holds behind a token, which a
 * link in Mattermost could not open. Rendering stays pure: whoever fetched says here what became
 * of each piece, and the renderer only reads it.
 *
 * @param images   by the image's {@code src}: attached to the post, or could not be
 * @param snippets by attachment id: the code of a code-snippet card, fetched
 */
public record FetchedContent(Map<String, ImageState> images, Map<String, Snippet> snippets) {
    /** Nothing was fetched (an edit, or no one to notify): hosted content is only named. */
    public static final FetchedContent NONE = new FetchedContent(Map.of(), Map.of());

    public FetchedContent {
        images = images == null ? Map.of() : Map.copyOf(images);
        snippets = snippets == null ? Map.of() : Map.copyOf(snippets);
    }

    /** A pasted image: shown as a file of the post, or not (too large, failed, files disabled). */
    public enum ImageState { ATTACHED, NOT_SHOWN }

    /**
     * A code snippet's code, cut to the configured size.
     *
     * @param omittedLines lines left out after {@code code}; 0 when it is whole
     */
    public record Snippet(String code, int omittedLines) {
        public Snippet {
            code = code == null ? "" : code;
            omittedLines = Math.max(0, omittedLines);
        }
    }
}
