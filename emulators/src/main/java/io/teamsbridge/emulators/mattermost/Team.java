package io.teamsbridge.emulators.mattermost;

/** {@code model.Team}. Type "O" is open, "I" invite only; {@code allow_open_invite} decides who lists it. */
record Team(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String displayName,
        String name,
        String description,
        String email,
        String type,
        String companyName,
        String allowedDomains,
        String inviteId,
        boolean allowOpenInvite,
        boolean groupConstrained) {

    /** The server's {@code Team.Sanitize} for callers without {@code manage_system}. */
    Team sanitized() {
        return new Team(id, createAt, updateAt, deleteAt, displayName, name, description, "", type, companyName, "",
                "", allowOpenInvite, groupConstrained);
    }
}
