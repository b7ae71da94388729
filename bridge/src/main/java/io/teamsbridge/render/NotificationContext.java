package io.teamsbridge.render;


/**
 * Who wrote the message and where, for the notification's header and link.
 *
 * @param senderName                    the sender's Teams display name
 * @param chatTopic                     the chat's topic; null or blank when it has none
 * @param otherMemberCount              members of the chat besides the sender and the recipient
 * @param teamsWebBase                  the Teams web host of the configured cloud, e.g.
 *                                      {@code https://teams.microsoft.com}
 * @param mattermostUsernameOfTeamsUser the Mattermost usernames of the mentioned Teams users who
 *                                      are connected (by Entra object id), resolved before rendering
 * @param tenantId                      the organisation the chat belongs to, for the deep link; may be null
 */
public record NotificationContext(String senderName, ChatKind chatKind, String chatTopic, int otherMemberCount,
        String teamsWebBase, java.util.Map<String, String> mattermostUsernameOfTeamsUser, String tenantId) {

    public NotificationContext(String senderName, ChatKind chatKind, String chatTopic, int otherMemberCount,
            String teamsWebBase, java.util.Map<String, String> mattermostUsernameOfTeamsUser) {
        this(senderName, chatKind, chatTopic, otherMemberCount, teamsWebBase, mattermostUsernameOfTeamsUser, null);
    }

    public NotificationContext {
        chatKind = chatKind == null ? ChatKind.GROUP : chatKind;
        otherMemberCount = Math.max(0, otherMemberCount);
        mattermostUsernameOfTeamsUser = mattermostUsernameOfTeamsUser == null
                ? java.util.Map.of() : java.util.Map.copyOf(mattermostUsernameOfTeamsUser);
    }
}
