package io.teamsbridge.linking;

import java.util.HashMap;
import java.util.Map;

/**
 * What a user chose about their Teams chat notifications. By default they are told of every chat,
 * meeting chats included, while Teams shows them Away or Offline; they may also ask to be told
 * while Busy or in Do not disturb (for example through long meetings). By default each Teams chat's
 * notifications form one thread in their direct channel with the bot.
 */
public record UserSettings(boolean notifications, boolean meetingChats, boolean whileBusy, boolean whileDoNotDisturb,
        boolean threadPerChat) {
    public static final UserSettings DEFAULTS = new UserSettings(true, true, false, false, true);

    static final String NOTIFICATIONS = "notifications";
    static final String MEETING_CHATS = "meeting-chats";
    static final String WHILE_BUSY = "notify-while-busy";
    static final String WHILE_DO_NOT_DISTURB = "notify-while-dnd";
    static final String THREAD_PER_CHAT = "thread-per-chat";

    /** Reads stored values; a missing or unreadable value is the default. */
    static UserSettings from(Map<String, String> stored) {
        return new UserSettings(flag(stored, NOTIFICATIONS, DEFAULTS.notifications), flag(stored, MEETING_CHATS, DEFAULTS.meetingChats),
                flag(stored, WHILE_BUSY, DEFAULTS.whileBusy), flag(stored, WHILE_DO_NOT_DISTURB, DEFAULTS.whileDoNotDisturb),
                flag(stored, THREAD_PER_CHAT, DEFAULTS.threadPerChat));
    }

    Map<String, String> toStored() {
        Map<String, String> values = new HashMap<>();
        values.put(NOTIFICATIONS, onOff(notifications));
        values.put(MEETING_CHATS, onOff(meetingChats));
        values.put(WHILE_BUSY, onOff(whileBusy));
        values.put(WHILE_DO_NOT_DISTURB, onOff(whileDoNotDisturb));
        values.put(THREAD_PER_CHAT, onOff(threadPerChat));
        return values;
    }

    public UserSettings withNotifications(boolean on) {
        return new UserSettings(on, meetingChats, whileBusy, whileDoNotDisturb, threadPerChat);
    }

    private static boolean flag(Map<String, String> stored, String key, boolean otherwise) {
        String value = stored.get(key);
        return "on".equals(value) || !"off".equals(value) && otherwise;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
