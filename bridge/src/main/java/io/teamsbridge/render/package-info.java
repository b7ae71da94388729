/**
 * Turning a Teams chat message into the Mattermost post(s) that notify a user: Teams HTML (or
 * text) to Mattermost Markdown with {@link io.teamsbridge.render.MarkdownRenderer}, the whole
 * notification (who, which chat, the body, a deep link back to Teams, split to Mattermost's post
 * size) with {@link io.teamsbridge.render.NotificationRenderer}. The other way, a reply typed in
 * Mattermost to the HTML and mentions of a Teams chat message with
 * {@link io.teamsbridge.render.ReplyRenderer}.
 *
 * <p>Pure: plain Java, no Spring, no I/O, no other {@code io.teamsbridge} package. Callers map
 * their own message types onto {@link io.teamsbridge.render.TeamsMessage} and
 * {@link io.teamsbridge.render.NotificationContext}.
 */
package io.teamsbridge.render;
