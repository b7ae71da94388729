package io.teamsbridge.emulators.microsoft.chats;

import org.jspecify.annotations.Nullable;

/**
 * A {@code chatMessageAttachment}: a file reference ({@code contentType "reference"} + contentUrl),
 * a card ({@code application/vnd.microsoft.card.*} + JSON content), a message reference, ...
 */
public record MessageAttachment(String id, String contentType, @Nullable String contentUrl, @Nullable String content,
        @Nullable String name, @Nullable String thumbnailUrl, @Nullable String teamsAppId) {}
