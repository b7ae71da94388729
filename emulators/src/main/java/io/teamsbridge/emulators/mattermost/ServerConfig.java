package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live {@link ServerSettings}. Readers take a consistent snapshot with {@link #current()};
 * {@link #update} merges a partial JSON object into the snapshot and swaps it atomically, so a
 * request never sees half of an update.
 */
final class ServerConfig {
    private final AtomicReference<ServerSettings> settings;

    ServerConfig(ServerSettings initial) {
        this.settings = new AtomicReference<>(initial);
    }

    ServerSettings current() {
        return settings.get();
    }

    /** Applies the given settings; unknown names or wrong types are a 400 naming the culprit. */
    ServerSettings update(JsonNode changes) {
        if (!changes.isObject()) {
            throw AppError.invalidBodyParam("config");
        }
        return settings.updateAndGet(old -> {
            ObjectNode merged = Json.MAPPER.valueToTree(old);
            List<String> unknown = new ArrayList<>();
            for (String name : changes.propertyNames()) {
                if (!merged.has(name)) {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                throw new AppError(400, "sandbox.config.unknown_setting",
                        "Unknown settings " + unknown + "; known: " + merged.propertyNames());
            }
            merged.setAll((ObjectNode) changes);
            try {
                return Json.MAPPER.treeToValue(merged, ServerSettings.class);
            } catch (JacksonException e) {
                throw new AppError(400, "sandbox.config.invalid_value", "Invalid setting value: " + e.getOriginalMessage());
            }
        });
    }
}
