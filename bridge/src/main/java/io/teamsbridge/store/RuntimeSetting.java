package io.teamsbridge.store;

import java.time.Instant;

/**
 * A setting an administrator changed while the service runs.
 *
 * @param name the setting's name as configured, e.g. {@code connections.max-users}
 * @param value its new value, as text
 * @param updatedBy who changed it, e.g. {@code @alice (user id)}
 */
public record RuntimeSetting(String name, String value, String updatedBy, Instant updatedAt) {}
