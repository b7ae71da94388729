package io.teamsbridge.linking;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.ButtonHandler;
import io.teamsbridge.mattermost.Buttons;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The bot's buttons: Settings, Disconnect and Connect where they help (the welcome message, the
 * answers to {@code connect} and {@code status}), and the confirmations of changes asked for with
 * a command. Settings, Disconnect and Connect change nothing themselves (a dialog, a confirmation
 * or a fresh link follows), so they last long; confirmations last minutes ({@link ConfirmedChanges}).
 */
@Component
class ButtonActions implements ButtonHandler {
    static final String SETTINGS = "open-settings";
    static final String ASK_DISCONNECT = "ask-disconnect";
    static final String CONNECT = "connect";
    /** How long a Settings, Disconnect or Connect button in a message keeps working. */
    static final Duration LASTS = Duration.ofDays(30);

    private final Buttons buttons;
    private final ConfirmedChanges changes;
    private final SettingsDialog settings;
    private final ConnectOffer connect;
    private final AdminCommands admin;
    private final ChatMutes mutes;
    private final String trigger;

    ButtonActions(Buttons buttons, ConfirmedChanges changes, SettingsDialog settings, ConnectOffer connect,
            MattermostProperties mattermost, AdminCommands admin, ChatMutes mutes) {
        this.admin = admin;
        this.mutes = mutes;
        this.buttons = buttons;
        this.changes = changes;
        this.settings = settings;
        this.connect = connect;
        this.trigger = "/" + mattermost.commandTrigger();
    }

    /** Settings and Disconnect, for a connected user. */
    List<Map<String, Object>> forConnected(String mattermostUserId) {
        return List.of(buttons.button(mattermostUserId, SETTINGS, "Settings", "primary", LASTS),
                buttons.button(mattermostUserId, ASK_DISCONNECT, "Disconnect", "danger", LASTS));
    }

    /** Connect, for a user who is not (or no longer) connected. */
    List<Map<String, Object>> forDisconnected(String mattermostUserId) {
        return List.of(buttons.button(mattermostUserId, CONNECT, "Connect", "primary", LASTS));
    }

    @Override
    public ButtonReply pressed(Press press) {
        String userId = press.mattermostUserId();
        return switch (press.action()) {
            case SETTINGS -> ButtonReply.tell(settings.open(userId, press.triggerId()).orElse(null));
            case ASK_DISCONNECT -> ButtonReply.tell(changes.askToDisconnect(userId));
            case CONNECT -> ButtonReply.tell(connect.to(userId).text());
            case ConfirmedChanges.DISCONNECT, ConfirmedChanges.NOTIFICATIONS_ON, ConfirmedChanges.NOTIFICATIONS_OFF ->
                    ButtonReply.replace(changes.confirmed(press.action(), userId));
            case String action when action.startsWith(AdminCommands.ACTION_PREFIX) ->
                    ButtonReply.replace(admin.confirmed(action, userId));
            case String action when ChatMutes.handles(action) -> mutes.pressed(action, userId);
            default -> ButtonReply.tell("This button no longer does anything. Type `" + trigger + " help` for the commands.");
        };
    }
}
