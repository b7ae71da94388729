package io.teamsbridge.emulators.microsoft.chats;

/**
 * A message created, edited or deleted, with the chat as it was right after the change (so a
 * member just added already counts as a member).
 */
public record MessageChange(ChangeType changeType, ChatMessage message, Chat chat) {}
