package io.teamsbridge.render;

/**
 * One entry of a chat message's {@code mentions} array.
 *
 * @param id          matches the {@code id} attribute of an {@code <at>} tag in the body
 * @param mentionText the text Teams shows for the mention
 * @param userId      the mentioned user's Entra object id; null for app, tag or conversation mentions
 */
public record TeamsMention(int id, String mentionText, String userId) {
    public TeamsMention {
        mentionText = mentionText == null ? "" : mentionText;
    }
}
