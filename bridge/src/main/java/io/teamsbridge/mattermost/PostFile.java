package io.teamsbridge.mattermost;

/** A file to attach to a post: its name as shown, its media type and its bytes. */
public record PostFile(String name, String contentType, byte[] bytes) {
    public PostFile {
        name = name == null || name.isBlank() ? "file" : name.strip();
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        bytes = bytes == null ? new byte[0] : bytes;
    }
}
