package io.teamsbridge.linking;

import io.teamsbridge.store.PreferenceRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Each user's {@link UserSettings}, stored as preferences; the defaults until they change one. */
@Component
public class NotificationPreferences {
    private final PreferenceRepository preferences;
    private final Clock clock;

    NotificationPreferences(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    public UserSettings of(String mattermostUserId) {
        return UserSettings.from(preferences.of(mattermostUserId));
    }

    /** The settings of each of the given users, read in one query. */
    public Map<String, UserSettings> of(Collection<String> mattermostUserIds) {
        Map<String, Map<String, String>> stored = preferences.valuesOf(mattermostUserIds);
        Map<String, UserSettings> settings = new HashMap<>();
        for (String id : mattermostUserIds) {
            settings.put(id, UserSettings.from(stored.getOrDefault(id, Map.of())));
        }
        return settings;
    }

    public boolean enabled(String mattermostUserId) {
        return of(mattermostUserId).notifications();
    }

    void save(String mattermostUserId, UserSettings settings) {
        preferences.putAll(mattermostUserId, settings.toStored(), clock.instant());
    }

    void setNotifications(String mattermostUserId, boolean on) {
        preferences.putAll(mattermostUserId, Map.of(UserSettings.NOTIFICATIONS, on ? "on" : "off"), clock.instant());
    }
}
