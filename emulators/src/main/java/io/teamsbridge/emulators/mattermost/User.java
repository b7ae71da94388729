package io.teamsbridge.emulators.mattermost;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A Mattermost user as the server stores and sends it ({@code model.User}); serialised with
 * {@link Wire#MAPPER}, so the component names become the server's snake_case fields. Bot accounts
 * are users with {@code is_bot}, which the server omits when false.
 */
record User(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String username,
        String authData,
        String authService,
        String email,
        boolean emailVerified,
        String nickname,
        String firstName,
        String lastName,
        String position,
        String roles,
        Map<String, String> notifyProps,
        long lastPasswordUpdate,
        String locale,
        Map<String, String> timezone,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean isBot,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String botDescription) {

    static final String SYSTEM_USER = "system_user";
    static final String SYSTEM_ADMIN = "system_admin";

    static User create(String id, long now, String username, String email, String firstName, String lastName,
            String roles, String locale, boolean isBot, String botDescription) {
        return create(id, now, username, email, true, "", firstName, lastName, roles, locale, isBot, botDescription);
    }

    /**
     * @param emailVerified whether the user confirmed the address (the server's {@code email_verified};
     *     true for accounts that sign in through SSO, which the identity provider vouches for)
     * @param authService how the user signs in: "" for email and password, else e.g. "saml", "gitlab", "office365"
     */
    static User create(String id, long now, String username, String email, boolean emailVerified, String authService,
            String firstName, String lastName, String roles, String locale, boolean isBot, String botDescription) {
        return new User(id, now, now, 0, username, "", authService, email, emailVerified, "", firstName, lastName, "", roles,
                Map.of("desktop", "mention", "email", "true", "push", "mention", "channel", "true",
                        "mention_keys", "", "first_name", "false"),
                now, locale,
                Map.of("useAutomaticTimezone", "true", "automaticTimezone", "", "manualTimezone", ""),
                isBot, botDescription);
    }

    boolean hasRole(String role) {
        for (String r : roles.split(" ")) {
            if (r.equals(role)) {
                return true;
            }
        }
        return false;
    }

    boolean isSystemAdmin() {
        return hasRole(SYSTEM_ADMIN);
    }

    /**
     * The server's {@code SanitizeProfile} for someone other than the user: no auth data or
     * notification settings, and email / full name only when the privacy settings allow.
     */
    User sanitizedForOthers(boolean showEmail, boolean showFullName) {
        return new User(id, createAt, updateAt, deleteAt, username, "", authService, showEmail ? email : "",
                emailVerified, nickname, showFullName ? firstName : "", showFullName ? lastName : "", position,
                roles, Map.of(), 0, locale, timezone, isBot, botDescription);
    }
}
