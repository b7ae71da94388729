package io.teamsbridge.linking;

import io.teamsbridge.store.PreferenceRepository;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Each user's chat-notification switch; on unless they turned it off. */
@Component
public class NotificationPreferences {
    static final String KEY = "notifications";

    private final PreferenceRepository preferences;
    private final Clock clock;

    NotificationPreferences(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    public boolean enabled(String mattermostUserId) {
        return preferences.find(mattermostUserId, KEY).map(v -> !"off".equals(v)).orElse(true);
    }

    /** Those of the given users who turned their notifications off. */
    public java.util.Set<String> turnedOff(java.util.Collection<String> mattermostUserIds) {
        return preferences.usersWith(mattermostUserIds, KEY, "off");
    }

    void set(String mattermostUserId, boolean on) {
        preferences.put(mattermostUserId, KEY, on ? "on" : "off", clock.instant());
    }
}
