package io.teamsbridge.ops;

import io.teamsbridge.config.ConnectionsProperties;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.store.RuntimeSetting;
import io.teamsbridge.store.RuntimeSettingRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The administrator's switches that take effect without a restart: notifications for everyone
 * ({@code notifications.enabled}), the allow-list ({@code connections.allow-list}) and the connection
 * limit ({@code connections.max-users}). The configured values are the defaults; a value set with
 * {@code /msteams admin} is stored and wins until it is changed again. Every instance reads the
 * stored values again when its copy is older than {@link #FRESH} (one query), so a change made on
 * one instance holds on all of them within seconds. Each change is logged with who made it.
 */
@Component
public class Switches {
    public static final String NOTIFICATIONS = "notifications.enabled";
    public static final String ALLOW_LIST = "connections.allow-list";
    public static final String MAX_USERS = "connections.max-users";
    static final Duration FRESH = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(Switches.class);

    private final RuntimeSettingRepository stored;
    private final Clock clock;
    private final boolean configuredNotifications;
    private final Set<String> configuredAllowList;
    private final int configuredMaxUsers;
    private final Recent<Map<String, RuntimeSetting>> current;

    public Switches(RuntimeSettingRepository stored, NotificationsProperties notifications, ConnectionsProperties connections,
            Clock clock) {
        this.stored = stored;
        this.clock = clock;
        this.configuredNotifications = notifications.enabled();
        this.configuredAllowList = new TreeSet<>(connections.allowed());
        this.configuredMaxUsers = connections.maxUsers();
        this.current = new Recent<>(FRESH, () -> stored.findAll().stream()
                .collect(Collectors.toUnmodifiableMap(RuntimeSetting::name, Function.identity())));
    }

    /** Who changed a switch and when; empty while it has its configured value. */
    public Optional<RuntimeSetting> changed(String name) {
        return Optional.ofNullable(current.get().get(name));
    }

    public boolean notificationsEnabled() {
        return changed(NOTIFICATIONS).map(s -> Boolean.parseBoolean(s.value())).orElse(configuredNotifications);
    }

    /** Lower-cased usernames and emails; empty allows everyone. */
    public Set<String> allowList() {
        return changed(ALLOW_LIST).map(s -> entries(s.value())).orElse(configuredAllowList);
    }

    /** 0 means no limit. */
    public int maxUsers() {
        return changed(MAX_USERS).map(s -> Integer.parseInt(s.value())).orElse(configuredMaxUsers);
    }

    public void setNotifications(boolean on, String by) {
        change(NOTIFICATIONS, Boolean.toString(notificationsEnabled()), Boolean.toString(on), by);
    }

    public void setMaxUsers(int limit, String by) {
        if (limit < 0) {
            throw new IllegalArgumentException("a limit is 0 (none) or more");
        }
        change(MAX_USERS, Integer.toString(maxUsers()), Integer.toString(limit), by);
    }

    /** Adds entries (usernames or emails, any case); returns the list as it is now. */
    public Set<String> allow(Collection<String> entries, String by) {
        Set<String> list = new TreeSet<>(allowList());
        list.addAll(normalised(entries));
        change(ALLOW_LIST, String.join(",", allowList()), String.join(",", list), by);
        return list;
    }

    /** Removes entries; returns the list as it is now (empty: everyone may connect). */
    public Set<String> disallow(Collection<String> entries, String by) {
        Set<String> list = new TreeSet<>(allowList());
        list.removeAll(normalised(entries));
        change(ALLOW_LIST, String.join(",", allowList()), String.join(",", list), by);
        return list;
    }

    private void change(String name, String old, String value, String by) {
        stored.put(name, value, by, clock.instant());
        current.refresh();
        log.info("Administrator {} changed {} from '{}' to '{}' (stored; every instance uses it within {} s).", by, name, old,
                value, FRESH.toSeconds());
    }

    private static Set<String> normalised(Collection<String> entries) {
        return entries.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> entries(String value) {
        return normalised(Arrays.asList(value.split(",")));
    }
}
