/**
 * Everything that speaks to Mattermost: the REST v4 client, the bot's identity, the slash
 * command's registration in every team and its endpoint, and direct messages from the bot.
 * What a subcommand does is not decided here: the endpoint hands an authenticated
 * {@link io.teamsbridge.mattermost.CommandInvocation} to a {@link io.teamsbridge.mattermost.SlashCommandHandler}.
 */
package io.teamsbridge.mattermost;
