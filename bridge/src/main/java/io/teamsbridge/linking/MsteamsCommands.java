package io.teamsbridge.linking;

import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.CommandInvocation;
import io.teamsbridge.mattermost.Confirmations;
import io.teamsbridge.mattermost.Dialogs;
import io.teamsbridge.mattermost.SlashCommandHandler;
import io.teamsbridge.ops.Switches;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@code /msteams} subcommands: help, connect, disconnect, status and notifications. Help and
 * usage are the command's answer; what concerns the user (their link, their status) is sent to
 * them privately; changes (disconnect, notifications on or off) wait for them to confirm with a
 * button in their direct channel with the bot ({@link ConfirmedChanges}).
 */
@Component
class MsteamsCommands implements SlashCommandHandler {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AccountLinkRepository links;
    private final NotificationPreferences preferences;
    private final ConnectOffer connectOffer;
    private final BotMessenger messenger;
    private final Confirmations confirmations;
    private final ConfirmedChanges changes;
    private final ButtonActions buttons;
    private final SettingsDialog settingsDialog;
    private final RecentDecisions recentDecisions;
    private final Switches switches;
    private final AdminCommands admin;
    private final ChatMutes mutes;
    private final String trigger;

    MsteamsCommands(AccountLinkRepository links, NotificationPreferences preferences, ConnectOffer connectOffer,
            MattermostProperties mattermost, BotMessenger messenger,
            Confirmations confirmations, ConfirmedChanges changes, ButtonActions buttons, SettingsDialog settingsDialog,
            RecentDecisions recentDecisions, Switches switches, AdminCommands admin, ChatMutes mutes) {
        this.mutes = mutes;
        this.links = links;
        this.preferences = preferences;
        this.connectOffer = connectOffer;
        this.messenger = messenger;
        this.confirmations = confirmations;
        this.changes = changes;
        this.buttons = buttons;
        this.settingsDialog = settingsDialog;
        this.recentDecisions = recentDecisions;
        this.switches = switches;
        this.admin = admin;
        this.trigger = "/" + mattermost.commandTrigger();
    }

    @Override
    public String handle(CommandInvocation invocation) {
        List<String> words = Arrays.stream(invocation.text().trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        String sub = words.isEmpty() ? "help" : words.getFirst().toLowerCase(Locale.ROOT);
        List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
        String userId = invocation.userId();
        // The request proves only its team: anything about the user, or any change, goes to the user
        // where only they see it; the answer to the request itself says nothing about them.
        return switch (sub) {
            case "help" -> args.isEmpty() ? help() : usage("help");
            case "connect" -> args.isEmpty() ? connect(invocation) : usage("connect");
            case "status" -> args.isEmpty() ? status(invocation) : usage("status");
            case "disconnect" -> args.isEmpty() ? askToDisconnect(userId) : usage("disconnect");
            case "notifications" -> notifications(invocation, args);
            case "settings" -> args.isEmpty() ? settings(invocation) : usage("settings");
            case "admin" -> admin.handle(invocation, args);
            case "mute" -> mutes.command(userId, args);
            default -> "Unknown subcommand `" + MarkdownText.inline(sub) + "`. " + usageLine();
        };
    }

    /** Sends the reply only the user sees; the command's own answer stays empty. */
    private String privately(CommandInvocation invocation, String reply) {
        messenger.tellPrivately(invocation.userId(), invocation.channelId(), reply);
        return "";
    }

    private String askToDisconnect(String userId) {
        String nothing = changes.askToDisconnect(userId);
        if (nothing != null) {
            messenger.tellPrivately(userId, null, nothing);
        }
        return SENT;
    }

    /** The answer to every change request, whoever it names and whatever their state: it tells a forger nothing. */
    static final String SENT = "I've sent you a direct message about this.";

    private String help() {
        return "#### Microsoft Teams notifications\n"
                + "When someone writes to you in a Teams chat while you're away from Teams, the bot tells you here.\n\n"
                + "| Command | What it does |\n|---|---|\n"
                + "| `" + trigger + " connect` | Connect your Microsoft Teams account |\n"
                + "| `" + trigger + " disconnect` | Disconnect it and forget its tokens |\n"
                + "| `" + trigger + " status` | Show your connection, settings, and your last notifications or why they were not sent |\n"
                + "| `" + trigger + " settings` | Choose when you are notified (meeting chats, Busy, Do not disturb) |\n"
                + "| `" + trigger + " notifications on` / `off` | Turn your chat notifications on or off |\n"
                + "| `" + trigger + " notifications` | Show whether your chat notifications are on |\n"
                + "| `" + trigger + " mute list` / `mute off <number>` | Show the Teams chats you muted, or unmute one (`all`: every one) |\n"
                + "| `" + trigger + " help` | Show this help |\n"
                + "| `" + trigger + " admin` | For Mattermost system admins: the service's state and its switches |";
    }

    private String connect(CommandInvocation invocation) {
        String userId = invocation.userId();
        ConnectOffer.Offer offer = connectOffer.to(userId);
        messenger.tellPrivately(userId, invocation.channelId(), offer.text(),
                offer.connected() ? buttons.forConnected(userId) : List.of());
        return "";
    }

    /**
     * Opens the settings dialog when the request's trigger id was issued to the user it names;
     * otherwise the request cannot show it is theirs, and the Settings button goes to their direct
     * channel, where only they can press it.
     */
    private String settings(CommandInvocation invocation) {
        String userId = invocation.userId();
        if (Dialogs.userOfTrigger(invocation.triggerId()).filter(userId::equals).isPresent()) {
            settingsDialog.open(userId, invocation.triggerId())
                    .ifPresent(instead -> messenger.tellPrivately(userId, invocation.channelId(), instead));
            return "";
        }
        messenger.tellPrivately(userId, null, "Your Teams notification settings open with this button.",
                List.of(buttons.forConnected(userId).getFirst()));
        return SENT;
    }

    private String status(CommandInvocation invocation) {
        String userId = invocation.userId();
        Optional<AccountLink> found = links.findByMattermostUser(userId);
        String text;
        if (found.isEmpty()) {
            text = "You are not connected to Microsoft Teams. Run `" + trigger + " connect` to connect.";
        } else if (!found.get().active()) {
            text = "Your connection to Microsoft Teams as **" + MarkdownText.inline(found.get().teamsDisplayName()) + "** ("
                    + MarkdownText.inline(found.get().teamsUpn()) + ") was lost on " + WHEN.format(found.get().lostAt())
                    + ": Microsoft no longer accepts it. Run `" + trigger + " connect` to reconnect.";
        } else {
            AccountLink link = found.get();
            text = "You are connected to Microsoft Teams as **" + MarkdownText.inline(link.teamsDisplayName()) + "** ("
                    + MarkdownText.inline(link.teamsUpn()) + ") since " + WHEN.format(link.connectedAt()) + ".\n\n"
                    + notificationState(userId) + "\n\n" + SettingsText.summary(preferences.of(userId)) + "\n\n"
                    + recentDecisions.of(userId);
        }
        boolean active = found.isPresent() && found.get().active();
        messenger.tellPrivately(userId, invocation.channelId(), text,
                active ? buttons.forConnected(userId) : buttons.forDisconnected(userId));
        return "";
    }

    private String notifications(CommandInvocation invocation, List<String> args) {
        String userId = invocation.userId();
        if (args.size() > 1) {
            return usage("notifications");
        }
        String wanted = args.isEmpty() ? "" : args.getFirst().toLowerCase(Locale.ROOT);
        if (wanted.equals("status")) {
            wanted = ""; // "notifications status" asks, as "notifications" does
        }
        if (!wanted.isEmpty() && !wanted.equals("on") && !wanted.equals("off")) {
            return usage("notifications");
        }
        boolean connected = links.findByMattermostUser(userId).isPresent();
        String notConnected = "You are not connected to Microsoft Teams. Run `" + trigger + " connect` first.";
        if (wanted.isEmpty()) {
            return privately(invocation, connected ? notificationState(userId) : notConnected);
        }
        if (!connected) {
            messenger.tellPrivately(userId, null, notConnected);
            return SENT;
        }
        boolean on = wanted.equals("on");
        confirmations.ask(userId, "Turn your Teams chat notifications **" + wanted + "**?",
                on ? ConfirmedChanges.NOTIFICATIONS_ON : ConfirmedChanges.NOTIFICATIONS_OFF, on ? "Turn on" : "Turn off");
        return SENT;
    }

    String notificationState(String userId) {
        boolean on = preferences.enabled(userId);
        String mine = on
                ? "Your Teams chat notifications are **on**: you are told here about Teams chat messages that arrive while you are away from Teams. `"
                        + trigger + " notifications off` turns them off."
                : "Your Teams chat notifications are **off**. `" + trigger + " notifications on` turns them on.";
        return switches.notificationsEnabled() ? mine
                : mine + "\n\nThe administrator has turned Teams chat notifications off for everyone for now.";
    }

    private String usage(String sub) {
        String form = switch (sub) {
            case "notifications" -> trigger + " notifications [on|off|status]";
            default -> trigger + " " + sub;
        };
        return "Usage: `" + form + "`. " + "Type `" + trigger + " help` for all commands.";
    }

    private String usageLine() {
        return "Usage: `" + trigger + " [help|connect|disconnect|status|settings|notifications [on|off]|mute [list|off]|admin]`.";
    }
}
