package io.teamsbridge.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The global switch for chat notifications.
 *
 * @param enabled when false nobody is notified; accounts stay connected
 */
@ConfigurationProperties("notifications")
public record NotificationsProperties(@DefaultValue("true") boolean enabled) {}
