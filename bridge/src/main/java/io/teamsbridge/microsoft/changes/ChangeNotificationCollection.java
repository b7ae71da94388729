package io.teamsbridge.microsoft.changes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code changeNotificationCollection}: the body of every webhook and lifecycle POST.
 *
 * @param value the notifications, in the order Graph sent them
 * @param validationTokens one JWT per (app, tenant) in {@code value}; present only when resource
 *     data is included, so empty for basic and most lifecycle notifications
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeNotificationCollection(List<ChangeNotification> value, List<String> validationTokens) {
    public ChangeNotificationCollection(@Nullable List<ChangeNotification> value, @Nullable List<String> validationTokens) {
        this.value = value == null ? List.of() : List.copyOf(value);
        this.validationTokens = validationTokens == null ? List.of() : List.copyOf(validationTokens);
    }

    /** Counts only: the tokens are credentials and must not reach a log line. */
    @Override
    public String toString() {
        return "ChangeNotificationCollection[" + value.size() + " notifications, " + validationTokens.size() + " validation tokens]";
    }
}
