package io.teamsbridge.linking;

import io.teamsbridge.microsoft.subscriptions.UserDisconnecting;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.Confirmations;
import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The changes {@code /msteams} makes once the user confirms them with the button in their direct
 * channel with the bot. Each is idempotent, so a button pressed twice changes nothing more.
 */
@Component
class ConfirmedChanges {
    static final String DISCONNECT = "disconnect";
    static final String NOTIFICATIONS_ON = "notifications-on";
    static final String NOTIFICATIONS_OFF = "notifications-off";

    private static final Logger log = LoggerFactory.getLogger(ConfirmedChanges.class);

    private final AccountLinkRepository links;
    private final NotificationPreferences preferences;
    private final Confirmations confirmations;
    private final String trigger;
    private final org.springframework.context.ApplicationEventPublisher events;

    ConfirmedChanges(AccountLinkRepository links, NotificationPreferences preferences, Confirmations confirmations,
            MattermostProperties mattermost, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.links = links;
        this.preferences = preferences;
        this.confirmations = confirmations;
        this.trigger = "/" + mattermost.commandTrigger();
    }

    /**
     * Sends the user the question whether to disconnect, with its confirm button; what to tell them
     * when there is nothing to disconnect, else null.
     */
    String askToDisconnect(String userId) {
        Optional<AccountLink> link = links.findByMattermostUser(userId);
        if (link.isEmpty()) {
            return "You are not connected to Microsoft Teams, so there is nothing to disconnect.";
        }
        confirmations.ask(userId, "Disconnect your Microsoft Teams account **" + MarkdownText.inline(link.get().teamsDisplayName())
                + "** (" + MarkdownText.inline(link.get().teamsUpn()) + ")? Its Microsoft tokens are deleted and you "
                + "get no more Teams chat notifications.", DISCONNECT, "Disconnect");
        return null;
    }

    /** Makes the confirmed change; what the confirmation message becomes. */
    String confirmed(String action, String mattermostUserId) {
        return switch (action) {
            case DISCONNECT -> disconnect(mattermostUserId);
            case NOTIFICATIONS_ON -> notifications(mattermostUserId, true);
            case NOTIFICATIONS_OFF -> notifications(mattermostUserId, false);
            default -> "This button no longer does anything. Type `" + trigger + " help` for the commands.";
        };
    }

    private String disconnect(String userId) {
        // The user's own subscription goes first, while their token can still delete it at Graph.
        links.findByMattermostUser(userId).ifPresent(link -> events.publishEvent(new UserDisconnecting(link.teamsUserId())));
        if (!links.delete(userId)) {
            return "You are not connected to Microsoft Teams, so there is nothing to disconnect.";
        }
        log.info("Mattermost user {} disconnected their Teams account.", userId);
        return "Disconnected. Your Microsoft tokens have been deleted and you will get no more Teams chat notifications. "
                + "Run `" + trigger + " connect` to connect again.";
    }

    private String notifications(String userId, boolean on) {
        if (links.findByMattermostUser(userId).isEmpty()) {
            return "You are not connected to Microsoft Teams. Run `" + trigger + " connect` first.";
        }
        preferences.setNotifications(userId, on);
        return on
                ? "Your Teams chat notifications are **on**: you are told here about Teams chat messages that arrive while "
                        + "you are away from Teams. `" + trigger + " notifications off` turns them off."
                : "Your Teams chat notifications are **off**. `" + trigger + " notifications on` turns them on.";
    }
}
