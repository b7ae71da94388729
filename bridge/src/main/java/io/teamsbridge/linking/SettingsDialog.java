package io.teamsbridge.linking;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.DialogHandler;
import io.teamsbridge.mattermost.Dialogs;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.store.AccountLinkRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The settings dialog: a user's {@link UserSettings} as four switches, opened by
 * {@code /msteams settings} or a Settings button, saved on submission and confirmed by the bot.
 */
@Component
class SettingsDialog implements DialogHandler {
    static final String PURPOSE = "settings";
    static final String NOTIFICATIONS = "notifications";
    static final String MEETING_CHATS = "meeting_chats";
    static final String WHILE_BUSY = "while_busy";
    static final String WHILE_DND = "while_dnd";
    static final String THREADS = "thread_per_chat";

    private static final Logger log = LoggerFactory.getLogger(SettingsDialog.class);

    private final Dialogs dialogs;
    private final NotificationPreferences preferences;
    private final AccountLinkRepository links;
    private final BotMessenger messenger;
    private final String trigger;

    SettingsDialog(Dialogs dialogs, NotificationPreferences preferences, AccountLinkRepository links, BotMessenger messenger,
            MattermostProperties mattermost) {
        this.dialogs = dialogs;
        this.preferences = preferences;
        this.links = links;
        this.messenger = messenger;
        this.trigger = "/" + mattermost.commandTrigger();
    }

    /**
     * Opens the dialog for the user, whom the trigger id must have been issued to.
     *
     * @return what to tell them instead when there is no dialog to show
     */
    Optional<String> open(String mattermostUserId, String triggerId) {
        if (links.findByMattermostUser(mattermostUserId).isEmpty()) {
            return Optional.of("You are not connected to Microsoft Teams. Run `" + trigger + " connect` first.");
        }
        try {
            dialogs.open(triggerId, mattermostUserId, PURPOSE, dialog(preferences.of(mattermostUserId)));
            return Optional.empty();
        } catch (MattermostException e) {
            log.info("The settings dialog for Mattermost user {} could not be opened: {}", mattermostUserId, e.getMessage());
            return Optional.of("The settings could not be opened just now (" + e.getMessage() + "). Please try again.");
        }
    }

    private static Map<String, Object> dialog(UserSettings current) {
        return Map.of(
                "title", "Teams notifications",
                "introduction_text", "Choose when I tell you here about Microsoft Teams chat messages. By default you are "
                        + "told while Teams shows you Away or Offline.",
                "submit_label", "Save",
                "elements", List.of(
                        toggle(NOTIFICATIONS, "Chat notifications", "Tell me about Teams chat messages",
                                "Off: you are told about nothing, whatever your Teams status.", current.notifications()),
                        toggle(MEETING_CHATS, "Meeting chats", "Include the chats of meetings",
                                "The chat that belongs to a Teams meeting.", current.meetingChats()),
                        toggle(WHILE_BUSY, "Also while Busy", "Tell me also while Teams shows me Busy",
                                "For example in a meeting or a call.", current.whileBusy()),
                        toggle(WHILE_DND, "Also in Do not disturb", "Tell me also while Teams shows me Do not disturb",
                                "For example while presenting.", current.whileDoNotDisturb()),
                        toggle(THREADS, "One thread per chat", "Put each Teams chat's messages in a thread of its own",
                                "Off: every message is a post of its own in this channel.", current.threadPerChat())));
    }

    /** A checkbox; optional, because Mattermost refuses a required checkbox that is left unchecked. */
    private static Map<String, Object> toggle(String name, String label, String placeholder, String help, boolean on) {
        return Map.of("display_name", label, "name", name, "type", "bool", "placeholder", placeholder, "help_text", help,
                "default", String.valueOf(on), "optional", true);
    }

    @Override
    public Map<String, String> submitted(String purpose, String mattermostUserId, JsonNode submission) {
        if (!PURPOSE.equals(purpose)) {
            return Map.of(NOTIFICATIONS, "This dialog is from an older version; open it again with `" + trigger + " settings`.");
        }
        if (links.findByMattermostUser(mattermostUserId).isEmpty()) {
            return Map.of(NOTIFICATIONS, "You are no longer connected to Microsoft Teams. Run `" + trigger + " connect` first.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        boolean notifications = flag(submission, NOTIFICATIONS, errors);
        boolean meetingChats = flag(submission, MEETING_CHATS, errors);
        boolean whileBusy = flag(submission, WHILE_BUSY, errors);
        boolean whileDnd = flag(submission, WHILE_DND, errors);
        boolean threads = flag(submission, THREADS, errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        UserSettings chosen = new UserSettings(notifications, meetingChats, whileBusy, whileDnd, threads);
        preferences.save(mattermostUserId, chosen);
        log.info("Mattermost user {} saved their notification settings.", mattermostUserId);
        try {
            messenger.sendDirect(mattermostUserId, SettingsText.saved(chosen, trigger), (String) null);
        } catch (MattermostException e) {
            log.warn("The settings confirmation to Mattermost user {} could not be posted: {}", mattermostUserId, e.getMessage());
        }
        return Map.of();
    }

    /**
     * A checkbox's value: Mattermost sends true or false (an unchecked optional box may be left
     * out, which is false); the strings "true" and "false" are taken too. Anything else is an error.
     */
    private static boolean flag(JsonNode submission, String name, Map<String, String> errors) {
        JsonNode value = submission == null ? null : submission.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString() && (value.asString().equals("true") || value.asString().equals("false"))) {
            return value.asString().equals("true");
        }
        errors.put(name, "Tick the box or leave it empty.");
        return false;
    }
}
