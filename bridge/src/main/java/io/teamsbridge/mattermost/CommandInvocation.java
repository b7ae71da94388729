package io.teamsbridge.mattermost;

/**
 * An authenticated {@code /msteams} request from Mattermost.
 *
 * @param text what the user typed after the trigger
 * @param triggerId lets the reply open a dialog within 30 seconds
 */
public record CommandInvocation(String teamId, String channelId, String userId, String userName, String text,
        String triggerId) {}
