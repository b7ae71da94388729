package io.teamsbridge.emulators.mattermost;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a slash command as a user typed it, as {@code App.ExecuteCommand} does: checks where it
 * runs, splits the trigger from the text at the first whitespace, finds the team's custom command,
 * issues a trigger id and a {@code response_url}, and builds the request's fields; the
 * {@link CommandDispatcher} sends them. Failures come back as the error the user would see, never
 * as an exception.
 */
final class CommandExecutor {
    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);
    private static final int MAX_TRIGGER_IN_MESSAGE = 48;

    private final CommandScopes scopes;
    private final CommandStore commands;
    private final DialogStore dialogs;
    private final ServerConfig config;
    private final CommandWebhooks hooks;
    private final CommandDispatcher dispatcher;

    CommandExecutor(CommandScopes scopes, CommandStore commands, DialogStore dialogs, ServerConfig config,
            CommandWebhooks hooks, CommandDispatcher dispatcher) {
        this.scopes = scopes;
        this.commands = commands;
        this.dialogs = dialogs;
        this.config = config;
        this.hooks = hooks;
        this.dispatcher = dispatcher;
    }

    IntegrationResult execute(User user, String teamId, String channelId, String commandLine)
            throws InterruptedException {
        try {
            return run(user, teamId, channelId, commandLine);
        } catch (AppError e) {
            return IntegrationResult.error(e);
        }
    }

    private IntegrationResult run(User user, String teamId, String channelId, String commandLine)
            throws InterruptedException {
        if (commandLine.length() <= 1 || !commandLine.startsWith("/")) {
            throw new AppError(400, "api.command.execute_command.start.app_error", "No command trigger found.");
        }
        CommandScopes.Scope scope = scopes.resolve(user, teamId, channelId);
        int space = firstWhitespace(commandLine);
        String trigger = (space < 0 ? commandLine : commandLine.substring(0, space)).toLowerCase(Locale.ROOT)
                .substring(1);
        String text = space < 0 ? "" : commandLine.substring(space + 1);
        ServerSettings settings = config.current();
        if (!settings.enableCommands()) {
            throw AppError.commandsDisabled();
        }
        Command command = commands.byTrigger(scope.team().id(), trigger).orElseThrow(() -> notFound(trigger));
        if (settings.siteUrl().isEmpty()) {
            throw new AppError(400, "api.command.execute_command.site_url_required.app_error",
                    "SiteURL must be configured to execute custom slash commands.");
        }
        String triggerId = dialogs.issueTrigger(user.id(), scope.channel().id(), scope.team().id());
        String clientTriggerId = dialogs.trigger(triggerId).orElseThrow().clientTriggerId();
        String responseUrl = settings.siteUrl() + "/hooks/commands/" + hooks.create(command, scope).id();
        log.debug("Executing /{} for user {} against command {}", trigger, user.id(), command.id());
        return dispatcher.dispatch(scope, command, form(scope, command, trigger, text, triggerId, responseUrl),
                clientTriggerId);
    }

    /** The fields of {@code tryExecuteCustomCommand}, sorted by name as Go's {@code url.Values} encodes them. */
    private Map<String, List<String>> form(CommandScopes.Scope scope, Command command, String trigger, String text,
            String triggerId, String responseUrl) {
        Map<String, List<String>> form = new TreeMap<>();
        form.put("token", List.of(command.token()));
        form.put("team_id", List.of(command.teamId()));
        form.put("team_domain", List.of(scope.team().name()));
        form.put("channel_id", List.of(scope.channel().id()));
        form.put("channel_name", List.of(scope.channel().name()));
        form.put("user_id", List.of(scope.user().id()));
        form.put("user_name", List.of(scope.user().username()));
        form.put("command", List.of("/" + trigger));
        form.put("text", List.of(text));
        form.put("trigger_id", List.of(triggerId));
        form.put("root_id", List.of(""));
        Map<String, String> users = scopes.userMentions(text, scope.team().id());
        if (!users.isEmpty()) {
            form.put("user_mentions", List.copyOf(users.keySet()));
            form.put("user_mentions_ids", List.copyOf(users.values()));
        }
        Map<String, String> channels = scopes.channelMentions(text, scope.team().id());
        if (!channels.isEmpty()) {
            form.put("channel_mentions", List.copyOf(channels.keySet()));
            form.put("channel_mentions_ids", List.copyOf(channels.values()));
        }
        form.put("response_url", List.of(responseUrl));
        return form;
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static AppError notFound(String trigger) {
        String shown = trigger.length() > MAX_TRIGGER_IN_MESSAGE
                ? trigger.substring(0, MAX_TRIGGER_IN_MESSAGE) + "..." : trigger;
        return new AppError(404, "api.command.execute_command.not_found.app_error",
                "Command with a trigger of '" + shown + "' not found. To send a message beginning with \"/\", try adding"
                        + " an empty space at the beginning of the message.");
    }
}
