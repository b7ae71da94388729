package io.teamsbridge.linking;

import java.util.ArrayList;
import java.util.List;

/** A user's settings in words, for the confirmation after saving and for {@code status}. */
final class SettingsText {
    private SettingsText() {}

    static String saved(UserSettings settings, String trigger) {
        return "#### Your Teams notification settings are saved\n" + summary(settings) + "\n\n`" + trigger
                + " settings` changes them.";
    }

    static String summary(UserSettings settings) {
        if (!settings.notifications()) {
            return "- Chat notifications: **off** (you are told about nothing)";
        }
        List<String> states = new ArrayList<>(List.of("Away", "Offline"));
        if (settings.whileBusy()) {
            states.add("Busy");
        }
        if (settings.whileDoNotDisturb()) {
            states.add("Do not disturb");
        }
        String when = String.join(", ", states.subList(0, states.size() - 1)) + " or " + states.getLast();
        return "- Chat notifications: **on**, while Teams shows you " + when + "\n"
                + "- Meeting chats: **" + (settings.meetingChats() ? "included" : "left out") + "**\n"
                + "- Each Teams chat: **" + (settings.threadPerChat() ? "a thread of its own" : "no threads, a post per message") + "**";
    }
}
