package io.teamsbridge.linking;

import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.CommandInvocation;
import io.teamsbridge.mattermost.Confirmations;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.mattermost.SlashCommandHandler;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code /msteams} subcommands: help, connect, disconnect, status and notifications. Help and
 * usage are the command's answer; what concerns the user (their link, their status) is sent to
 * them privately; changes (disconnect, notifications on or off) wait for them to confirm with a
 * button in their direct channel with the bot ({@link ConfirmedChanges}).
 */
@Component
class MsteamsCommands implements SlashCommandHandler {
    private static final Logger log = LoggerFactory.getLogger(MsteamsCommands.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AccountLinkRepository links;
    private final NotificationPreferences preferences;
    private final ConnectLinks connectLinks;
    private final ConnectGate gate;
    private final BotMessenger messenger;
    private final Confirmations confirmations;
    private final boolean notificationsEnabled;
    private final String trigger;

    MsteamsCommands(AccountLinkRepository links, NotificationPreferences preferences, ConnectLinks connectLinks,
            ConnectGate gate, NotificationsProperties notifications, MattermostProperties mattermost, BotMessenger messenger,
            Confirmations confirmations) {
        this.links = links;
        this.preferences = preferences;
        this.connectLinks = connectLinks;
        this.gate = gate;
        this.messenger = messenger;
        this.confirmations = confirmations;
        this.notificationsEnabled = notifications.enabled();
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
            case "connect" -> args.isEmpty() ? privately(invocation, connect(invocation)) : usage("connect");
            case "status" -> args.isEmpty() ? privately(invocation, status(userId)) : usage("status");
            case "disconnect" -> args.isEmpty() ? askToDisconnect(userId) : usage("disconnect");
            case "notifications" -> notifications(invocation, args);
            case "settings" -> "`" + trigger + " settings` is not available yet. Use `" + trigger
                    + " notifications on` or `off` to turn chat notifications on or off.";
            default -> "Unknown subcommand `" + MarkdownText.inline(sub) + "`. " + usageLine();
        };
    }

    /** Sends the reply only the user sees; the command's own answer stays empty. */
    private String privately(CommandInvocation invocation, String reply) {
        messenger.tellPrivately(invocation.userId(), invocation.channelId(), reply);
        return "";
    }

    private String askToDisconnect(String userId) {
        Optional<AccountLink> link = links.findByMattermostUser(userId);
        if (link.isEmpty()) {
            messenger.tellPrivately(userId, null, "You are not connected to Microsoft Teams, so there is nothing to disconnect.");
        } else {
            confirmations.ask(userId, "Disconnect your Microsoft Teams account **" + MarkdownText.inline(link.get().teamsDisplayName())
                    + "** (" + MarkdownText.inline(link.get().teamsUpn()) + ")? Its Microsoft tokens are deleted and you "
                    + "get no more Teams chat notifications.", ConfirmedChanges.DISCONNECT, "Disconnect");
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
                + "| `" + trigger + " status` | Show whether you are connected and notifications are on |\n"
                + "| `" + trigger + " notifications on` / `off` | Turn your chat notifications on or off |\n"
                + "| `" + trigger + " notifications` | Show whether your chat notifications are on |\n"
                + "| `" + trigger + " help` | Show this help |";
    }

    private String connect(CommandInvocation invocation) {
        String userId = invocation.userId();
        Optional<AccountLink> link = links.findByMattermostUser(userId);
        if (link.isPresent() && link.get().active()) {
            return "You are already connected to Microsoft Teams as **" + MarkdownText.inline(link.get().teamsDisplayName())
                    + "** (" + MarkdownText.inline(link.get().teamsUpn()) + "). To connect another account, run `" + trigger
                    + " disconnect` first.";
        }
        Optional<String> refusal;
        try {
            refusal = gate.refusal(userId);
        } catch (MattermostException e) {
            log.warn("Could not check whether Mattermost user {} may connect: {}", userId, e.getMessage());
            return "Your account could not be checked right now because Mattermost did not answer. Please try again in a minute.";
        }
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String url = connectLinks.create(userId);
        long minutes = Math.max(1, connectLinks.lifetime().toMinutes());
        return "[Connect your Microsoft Teams account](" + url + ")\n\n"
                + "Sign in with the Microsoft account that uses the same email address as your Mattermost account. "
                + "The link works once and expires in " + minutes + " minutes.";
    }

    private String status(String userId) {
        Optional<AccountLink> found = links.findByMattermostUser(userId);
        if (found.isEmpty()) {
            return "You are not connected to Microsoft Teams. Run `" + trigger + " connect` to connect.";
        }
        AccountLink link = found.get();
        if (!link.active()) {
            return "Your connection to Microsoft Teams as **" + MarkdownText.inline(link.teamsDisplayName()) + "** ("
                    + MarkdownText.inline(link.teamsUpn()) + ") was lost on " + WHEN.format(link.lostAt())
                    + ": Microsoft no longer accepts it. Run `" + trigger + " connect` to reconnect.";
        }
        return "You are connected to Microsoft Teams as **" + MarkdownText.inline(link.teamsDisplayName()) + "** ("
                + MarkdownText.inline(link.teamsUpn()) + ") since " + WHEN.format(link.connectedAt()) + ".\n\n"
                + notificationState(userId);
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
        return notificationsEnabled ? mine
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
        return "Usage: `" + trigger + " [help|connect|disconnect|status|notifications [on|off]]`.";
    }
}
