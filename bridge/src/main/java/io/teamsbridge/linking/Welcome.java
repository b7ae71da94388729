package io.teamsbridge.linking;

import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.microsoft.GraphUser;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The bot's direct messages about the connection itself: welcome, and connection lost. */
@Component
class Welcome {
    private static final Logger log = LoggerFactory.getLogger(Welcome.class);

    private final BotMessenger messenger;
    private final ButtonActions buttons;
    private final String trigger;

    Welcome(BotMessenger messenger, ButtonActions buttons, MattermostProperties mattermost) {
        this.messenger = messenger;
        this.buttons = buttons;
        this.trigger = "/" + mattermost.commandTrigger();
    }

    /** Best effort: the connection stands even when Mattermost cannot take the message right now. */
    void send(String mattermostUserId, GraphUser teamsUser) {
        String text = "#### You're connected to Microsoft Teams\n"
                + "Your Mattermost account is now connected to the Teams account **" + MarkdownText.inline(teamsUser.displayName())
                + "** (" + MarkdownText.inline(teamsUser.effectiveEmail()) + ").\n\n"
                + "From now on, when someone writes to you in a Teams chat while you are away from Teams "
                + "(Away or Offline), I'll tell you here, with the message and a link that opens the chat in Teams. "
                + "While you're active in Teams, I stay quiet.\n\n"
                + "- **Settings** (or `" + trigger + " settings`) chooses when you are told: meeting chats, and also while Busy "
                + "or in Do not disturb\n"
                + "- `" + trigger + " status` shows your connection and why a message was or was not sent to you\n"
                + "- **Disconnect** (or `" + trigger + " disconnect`) disconnects your Teams account";
        post(mattermostUserId, text, buttons.forConnected(mattermostUserId), "welcome");
    }

    void connectionLost(String mattermostUserId, String reconnectLink) {
        String text = "#### Your Microsoft Teams connection was lost\n"
                + "Microsoft no longer accepts it (for example after a password change, or when consent was revoked), "
                + "so you won't get Teams chat notifications here until you reconnect.\n\n"
                + "[Reconnect your Teams account](" + reconnectLink + ") — this link works once, for a limited time; "
                + "`" + trigger + " connect` gives you a new one at any time.";
        post(mattermostUserId, text, buttons.forDisconnected(mattermostUserId), "connection-lost");
    }

    /**
     * The connection lacks a permission sign-ins now ask for. Thrown failures let the caller ask
     * again later.
     */
    void askToConnectAgain(String mattermostUserId, String uses, String link) {
        String text = "#### Connect to Microsoft Teams again to reply from here\n"
                + "You can now answer a Teams chat by replying in its thread here: your reply is sent into the chat as you. "
                + "Your connection was made before that was possible, so it lacks a permission: " + uses + ".\n\n"
                + "[Connect again](" + link + ") with the same Microsoft account; your settings stay. Until then everything "
                + "else keeps working. The link works once, for a limited time; `" + trigger + " connect` gives you a new one.";
        messenger.sendDirect(mattermostUserId, text, Map.<String, Object>of("attachments",
                List.of(Map.of("actions", buttons.forConnected(mattermostUserId))),
                io.teamsbridge.mattermost.Confirmations.KIND_PROP, "permission-ask"));
    }

    /** Graph refused the user's own subscription: their connection stands, but nothing arrives yet. */
    void subscriptionRefused(String mattermostUserId, String why) {
        String text = "#### Teams chat notifications could not be turned on for you yet\n"
                + why + ". Your connection stands, and teams-bridge asks Microsoft again every hour; you will get "
                + "notifications as soon as it agrees. If this lasts, tell your Mattermost administrator.";
        post(mattermostUserId, text, buttons.forConnected(mattermostUserId), "subscription-refused");
    }

    private void post(String mattermostUserId, String text, List<Map<String, Object>> actions, String what) {
        try {
            messenger.sendDirect(mattermostUserId, text, Map.<String, Object>of("attachments", List.of(Map.of("actions", actions))));
        } catch (MattermostException e) {
            log.warn("The {} message to Mattermost user {} could not be posted: {}", what, mattermostUserId, e.getMessage());
        }
    }
}
