package io.teamsbridge.emulators.microsoft.chats;

/**
 * A mention of a user: {@code <at id="{id}">{mentionText}</at>} in the HTML body.
 *
 * @param displayName the mentioned user's name, for {@code mentioned.user.displayName}
 */
public record MessageMention(int id, String mentionText, String userId, String displayName) {}
