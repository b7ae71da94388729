package io.teamsbridge.emulators.mattermost;

/** {@code model.TeamMember}; {@code roles} holds "team_user" and, for team admins, "team_admin". */
record TeamMember(
        String teamId,
        String userId,
        String roles,
        long deleteAt,
        boolean schemeGuest,
        boolean schemeUser,
        boolean schemeAdmin,
        String explicitRoles) {

    static final String TEAM_USER = "team_user";
    static final String TEAM_ADMIN = "team_admin";

    static TeamMember of(String teamId, String userId, boolean admin) {
        return new TeamMember(teamId, userId, admin ? TEAM_USER + " " + TEAM_ADMIN : TEAM_USER, 0, false, true, admin,
                "");
    }

    boolean isAdmin() {
        return schemeAdmin;
    }
}
