package io.teamsbridge.emulators.mattermost;

/**
 * {@code model.Channel}. Direct channels have type "D", no team, and the name
 * {@code <smaller id>__<larger id>}; the emulator's only team channels are the "town-square" ones.
 */
record Channel(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String teamId,
        String type,
        String displayName,
        String name,
        String header,
        String purpose,
        long lastPostAt,
        long totalMsgCount,
        long extraUpdateAt,
        String creatorId) {

    static final String DIRECT = "D";
    static final String OPEN = "O";

    boolean isDirect() {
        return DIRECT.equals(type);
    }

    static String directName(String userA, String userB) {
        return userA.compareTo(userB) <= 0 ? userA + "__" + userB : userB + "__" + userA;
    }

    /** The other member of a direct channel, or the user themself for a self-DM. */
    String otherMember(String userId) {
        String[] ids = name.split("__");
        return ids[0].equals(userId) ? ids[1] : ids[0];
    }

    Channel withPost(long at) {
        return new Channel(id, createAt, updateAt, deleteAt, teamId, type, displayName, name, header, purpose, at,
                totalMsgCount + 1, extraUpdateAt, creatorId);
    }
}
