package io.teamsbridge.emulators.microsoft.chats;

import java.util.Arrays;
import java.util.Optional;

/** Graph's {@code chatType} values a chat can be created with. */
public enum ChatType {
    ONE_ON_ONE("oneOnOne"),
    GROUP("group"),
    MEETING("meeting");

    private final String wireName;

    ChatType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ChatType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
