package io.teamsbridge.mattermost;

/** Decides what a subcommand does; the answer is shown only to the user who typed it. */
@FunctionalInterface
public interface SlashCommandHandler {
    /** @return the Markdown text of the ephemeral reply */
    String handle(CommandInvocation invocation);
}
