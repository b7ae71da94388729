package io.teamsbridge.render;

/**
 * One entry of a chat message's {@code attachments} array, as Graph sends it.
 *
 * @param contentType {@code reference} for files, {@code messageReference} for replies,
 *                    {@code application/vnd.microsoft.card.*} for cards
 * @param contentUrl  the file's URL for references; may be null
 * @param content     for cards and message references, a JSON document as a string; may be null
 */
public record TeamsAttachment(String id, String contentType, String contentUrl, String content, String name) {
    public TeamsAttachment {
        id = id == null ? "" : id;
        contentType = contentType == null ? "" : contentType;
    }
}
