package io.teamsbridge.notify;

import java.util.Optional;

/** What happened to a Teams message, by Graph's {@code changeType} (the wire name, also kept in the inbox). */
enum ChangeType {
    CREATED("created"),
    UPDATED("updated"),
    DELETED("deleted");

    private final String wire;

    ChangeType(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static Optional<ChangeType> parse(String wire) {
        for (ChangeType type : values()) {
            if (type.wire.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
