package io.teamsbridge.emulators.microsoft.chats;

/**
 * A chat message's hosted content: a pasted image or a code snippet's text, which Graph serves at
 * {@code …/messages/{id}/hostedContents/{id}/$value} with its content type.
 *
 * @param id opaque, base64 like Graph's
 */
public record HostedContent(String id, String contentType, byte[] bytes) {}
