package io.teamsbridge.linking;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.CommandInvocation;
import io.teamsbridge.mattermost.Confirmations;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.mattermost.MattermostWire;
import io.teamsbridge.ops.Switches;
import io.teamsbridge.render.MarkdownText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code /msteams admin}, for Mattermost system admins (the caller's roles, asked of Mattermost; the
 * request alone proves nothing about its sender): the service's state, and the switches that need no
 * restart. As with a user's own changes, a switch changes only when the admin presses the confirm
 * button in their direct channel with the bot, where only they can; the press is checked again.
 */
@Component
class AdminCommands {
    static final String ACTION_PREFIX = "admin-";
    private static final String NOTIFICATIONS_ON = ACTION_PREFIX + "notifications-on";
    private static final String NOTIFICATIONS_OFF = ACTION_PREFIX + "notifications-off";
    private static final String ALLOW = ACTION_PREFIX + "allow:";
    private static final String DISALLOW = ACTION_PREFIX + "disallow:";
    private static final String LIMIT = ACTION_PREFIX + "limit:";
    private static final int MAX_ENTRIES = 20;
    private static final int MAX_LIMIT = 1_000_000;
    /** A Mattermost username (lower case letters, digits, '.', '-', '_') or an email address. */
    private static final Pattern ENTRY = Pattern.compile("[a-z0-9._\\-]{1,64}|[^\\s@,]{1,64}@[^\\s@,]{1,190}");

    private final MattermostClient mattermost;
    private final BotMessenger messenger;
    private final Confirmations confirmations;
    private final Switches switches;
    private final AdminStatus status;
    private final String command;

    AdminCommands(MattermostClient mattermost, BotMessenger messenger, Confirmations confirmations, Switches switches,
            AdminStatus status, MattermostProperties settings) {
        this.mattermost = mattermost;
        this.messenger = messenger;
        this.confirmations = confirmations;
        this.switches = switches;
        this.status = status;
        this.command = "/" + settings.commandTrigger() + " admin";
    }

    String handle(CommandInvocation invocation, List<String> args) {
        String userId = invocation.userId();
        Optional<MattermostWire.User> admin;
        try {
            admin = systemAdmin(userId);
        } catch (MattermostException e) {
            return "Your Mattermost roles could not be checked just now (" + e.status() + "); try again shortly.";
        }
        if (admin.isEmpty()) {
            return "`" + command + "` is for Mattermost system administrators.";
        }
        String sub = args.isEmpty() ? "status" : args.getFirst().toLowerCase(Locale.ROOT);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (sub) {
            case "status" -> rest.isEmpty() ? privately(invocation, status.text()) : usage();
            case "help" -> help();
            case "notifications" -> notifications(userId, rest);
            case "allow-list" -> allowList(invocation, rest);
            case "limit" -> limit(userId, rest);
            default -> "Unknown admin subcommand `" + MarkdownText.inline(sub) + "`. " + usage();
        };
    }

    /** Makes a confirmed change, if the presser is (still) a system admin; what the confirmation becomes. */
    String confirmed(String action, String userId) {
        Optional<MattermostWire.User> admin;
        try {
            admin = systemAdmin(userId);
        } catch (MattermostException e) {
            return "Your Mattermost roles could not be checked just now, so nothing changed; press again shortly.";
        }
        if (admin.isEmpty()) {
            return "Only Mattermost system administrators can change this; nothing changed.";
        }
        String by = "@" + admin.get().username() + " (" + userId + ")";
        if (action.equals(NOTIFICATIONS_ON) || action.equals(NOTIFICATIONS_OFF)) {
            boolean on = action.equals(NOTIFICATIONS_ON);
            switches.setNotifications(on, by);
            return "Teams chat notifications are now **" + (on ? "on" : "off") + "** for everyone (on every instance within "
                    + "seconds). `" + command + " notifications " + (on ? "off" : "on") + "` changes it back.";
        }
        if (action.startsWith(LIMIT)) {
            int limit = Integer.parseInt(action.substring(LIMIT.length()));
            switches.setMaxUsers(limit, by);
            return limit == 0 ? "There is now **no limit** on connected users." : "At most **" + limit + "** users may now be connected."
                    + " Users already connected stay connected.";
        }
        if (action.startsWith(ALLOW) || action.startsWith(DISALLOW)) {
            boolean add = action.startsWith(ALLOW);
            List<String> entries = List.of(action.substring((add ? ALLOW : DISALLOW).length()).split(","));
            Set<String> now = add ? switches.allow(entries, by) : switches.disallow(entries, by);
            return (add ? "Added to" : "Removed from") + " the allow-list: " + code(entries) + ". " + describe(now);
        }
        return "This button no longer does anything. Type `" + command + " help` for the commands.";
    }

    private Optional<MattermostWire.User> systemAdmin(String userId) {
        MattermostWire.User user = mattermost.user(userId);
        return user.roles() != null && List.of(user.roles().split(" ")).contains("system_admin") ? Optional.of(user)
                : Optional.empty();
    }

    private String notifications(String userId, List<String> rest) {
        String wanted = rest.size() == 1 ? rest.getFirst().toLowerCase(Locale.ROOT) : "";
        if (!wanted.equals("on") && !wanted.equals("off")) {
            return "Usage: `" + command + " notifications on|off`. They are **" + (switches.notificationsEnabled() ? "on" : "off")
                    + "** for everyone now.";
        }
        boolean on = wanted.equals("on");
        confirmations.ask(userId, "Turn Teams chat notifications **" + wanted + " for everyone**?" + (on ? ""
                : " Nobody is notified until they are turned on again; what arrives meanwhile is not forwarded later."),
                on ? NOTIFICATIONS_ON : NOTIFICATIONS_OFF, on ? "Turn on for everyone" : "Turn off for everyone");
        return MsteamsCommands.SENT;
    }

    private String allowList(CommandInvocation invocation, List<String> rest) {
        if (rest.isEmpty() || (rest.size() == 1 && rest.getFirst().equalsIgnoreCase("list"))) {
            return privately(invocation, describe(switches.allowList()) + origin(Switches.ALLOW_LIST));
        }
        String verb = rest.getFirst().toLowerCase(Locale.ROOT);
        if (!verb.equals("add") && !verb.equals("remove") || rest.size() < 2) {
            return "Usage: `" + command + " allow-list [list]` or `" + command + " allow-list add|remove <username or email> …`.";
        }
        List<String> entries = rest.subList(1, rest.size()).stream()
                .flatMap(word -> List.of(word.split(",")).stream())
                .map(word -> word.startsWith("@") && word.indexOf('@', 1) < 0 ? word.substring(1) : word) // @username
                .map(word -> word.trim().toLowerCase(Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .distinct()
                .toList();
        if (entries.size() > MAX_ENTRIES) {
            return "At most " + MAX_ENTRIES + " names at a time, please.";
        }
        List<String> bad = entries.stream().filter(e -> !ENTRY.matcher(e).matches()).toList();
        if (!bad.isEmpty() || entries.isEmpty()) {
            return "Not a Mattermost username or email address: " + code(bad) + ". Nothing changed.";
        }
        boolean add = verb.equals("add");
        confirmations.ask(invocation.userId(), (add ? "Add " : "Remove ") + code(entries) + (add ? " to" : " from")
                + " the allow-list of who may connect?" + (add && switches.allowList().isEmpty()
                        ? " Today everyone may connect; with a list, only those on it can (connected users stay connected)." : ""),
                (add ? ALLOW : DISALLOW) + String.join(",", entries), add ? "Add" : "Remove");
        return MsteamsCommands.SENT;
    }

    private String limit(String userId, List<String> rest) {
        if (rest.size() != 1) {
            return "Usage: `" + command + " limit <number>|none`. " + limitNow();
        }
        String word = rest.getFirst().toLowerCase(Locale.ROOT);
        int limit;
        if (word.equals("none") || word.equals("0")) {
            limit = 0;
        } else {
            try {
                limit = Integer.parseInt(word);
            } catch (NumberFormatException e) {
                return "`" + MarkdownText.inline(word) + "` is not a number. Usage: `" + command + " limit <number>|none`.";
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                return "The limit is a number from 1 to " + MAX_LIMIT + ", or `none`.";
            }
        }
        confirmations.ask(userId, limit == 0 ? "Remove the limit on connected users?"
                : "Allow at most **" + limit + "** connected users? Users already connected stay connected.", LIMIT + limit, "Set");
        return MsteamsCommands.SENT;
    }

    private String limitNow() {
        int limit = switches.maxUsers();
        return limit == 0 ? "There is no limit now." : "The limit is " + limit + " now.";
    }

    private String describe(Set<String> list) {
        return list.isEmpty() ? "The allow-list is empty: everyone may connect."
                : "The allow-list (" + list.size() + "): " + code(List.copyOf(list)) + ".";
    }

    private String origin(String name) {
        return switches.changed(name).map(s -> " Set by " + MarkdownText.inline(s.updatedBy()) + " at " + MsteamsCommands.WHEN.format(s.updatedAt()) + ".")
                .orElse(" From the configuration (" + name + ").");
    }

    private String privately(CommandInvocation invocation, String text) {
        messenger.tellPrivately(invocation.userId(), invocation.channelId(), text);
        return "";
    }

    private String help() {
        return "#### Administering Teams notifications\n"
                + "| Command | What it does |\n|---|---|\n"
                + "| `" + command + "` | The subscription, connected users, the inbox, recent problems and the switches |\n"
                + "| `" + command + " notifications on` / `off` | Turn Teams chat notifications on or off for everyone |\n"
                + "| `" + command + " allow-list` | Show who may connect (empty: everyone) |\n"
                + "| `" + command + " allow-list add` / `remove <username or email> …` | Change who may connect |\n"
                + "| `" + command + " limit <number>` / `none` | The most users that may be connected at once |\n\n"
                + "Changes wait for you to confirm them in your direct channel with the bot, are stored, take effect on "
                + "every instance within seconds, and are logged with your name.";
    }

    private String usage() {
        return "Usage: `" + command + " [status|help|notifications on|off|allow-list [add|remove …]|limit <n>|none]`.";
    }

    private static String code(List<String> words) {
        return words.stream().map(w -> "`" + MarkdownText.inline(w) + "`").reduce((a, b) -> a + ", " + b).orElse("(none)");
    }
}
