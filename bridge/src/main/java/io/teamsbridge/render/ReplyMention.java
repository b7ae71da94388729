package io.teamsbridge.render;

/**
 * One entry of the {@code mentions} array sent with a reply: the Teams user an
 * {@code <at id="…">} tag of the content stands for.
 *
 * @param id          the {@code id} of the {@code <at>} tag; counts from 0 in order of appearance
 * @param mentionText the text inside the tag (not HTML-escaped), which Teams requires to match it
 * @param teamsUserId the mentioned user's Entra object id, for {@code mentioned.user.id}
 * @param displayName for {@code mentioned.user.displayName}
 */
public record ReplyMention(int id, String mentionText, String teamsUserId, String displayName) {
}
