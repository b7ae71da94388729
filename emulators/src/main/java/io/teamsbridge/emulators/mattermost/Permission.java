package io.teamsbridge.emulators.mattermost;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The permissions the emulated endpoints check, and which of Mattermost's default roles grant
 * them ({@code model/role.go}): {@code system_admin} has everything; the rest is listed per role.
 */
enum Permission {
    MANAGE_SYSTEM,
    LIST_PUBLIC_TEAMS,
    LIST_PRIVATE_TEAMS,
    CREATE_BOT,
    CREATE_POST_EPHEMERAL,
    CREATE_DIRECT_CHANNEL,
    CREATE_USER_ACCESS_TOKEN,
    EDIT_OTHER_USERS,
    VIEW_TEAM,
    MANAGE_TEAM,
    MANAGE_OWN_SLASH_COMMANDS,
    MANAGE_OTHERS_SLASH_COMMANDS,
    USE_SLASH_COMMANDS,
    CREATE_POST,
    CREATE_POST_PUBLIC,
    READ_CHANNEL,
    UPLOAD_FILE,
    EDIT_POST,
    EDIT_OTHERS_POSTS,
    DELETE_POST,
    DELETE_OTHERS_POSTS,
    ADD_REACTION,
    REMOVE_REACTION,
    REMOVE_OTHERS_REACTIONS;

    /** Role name to the permissions it grants; roles not listed grant nothing. */
    static final Map<String, Set<Permission>> ROLES = Map.of(
            "system_user", EnumSet.of(LIST_PUBLIC_TEAMS, CREATE_DIRECT_CHANNEL),
            "system_user_access_token", EnumSet.of(CREATE_USER_ACCESS_TOKEN),
            "team_user", EnumSet.of(VIEW_TEAM, USE_SLASH_COMMANDS, CREATE_POST_PUBLIC),
            "team_admin", EnumSet.of(VIEW_TEAM, MANAGE_TEAM, USE_SLASH_COMMANDS, CREATE_POST_PUBLIC, MANAGE_OWN_SLASH_COMMANDS,
                    MANAGE_OTHERS_SLASH_COMMANDS, DELETE_OTHERS_POSTS, EDIT_OTHERS_POSTS),
            "channel_user", EnumSet.of(CREATE_POST, READ_CHANNEL, UPLOAD_FILE, EDIT_POST, DELETE_POST, USE_SLASH_COMMANDS,
                    ADD_REACTION, REMOVE_REACTION));

    static boolean granted(String roles, Permission permission) {
        for (String role : roles.split(" ")) {
            if (role.equals(User.SYSTEM_ADMIN) || ROLES.getOrDefault(role, Set.of()).contains(permission)) {
                return true;
            }
        }
        return false;
    }
}
