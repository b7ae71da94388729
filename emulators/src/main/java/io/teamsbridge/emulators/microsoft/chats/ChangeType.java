package io.teamsbridge.emulators.microsoft.chats;

/** What happened to a message, in the words of Graph's {@code changeType}. */
public enum ChangeType {
    CREATED("created"),
    UPDATED("updated"),
    DELETED("deleted");

    private final String wireName;

    ChangeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
