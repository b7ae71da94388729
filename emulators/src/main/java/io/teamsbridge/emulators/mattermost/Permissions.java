package io.teamsbridge.emulators.mattermost;

/**
 * Permission checks at the three scopes the server uses: system-wide roles, then team roles for
 * team members, then the implicit {@code channel_user} role of channel members. A wider scope
 * always counts for a narrower one, so a system admin passes every check.
 */
final class Permissions {
    private final TeamStore teams;
    private final ChannelStore channels;

    Permissions(TeamStore teams, ChannelStore channels) {
        this.teams = teams;
        this.channels = channels;
    }

    boolean has(User user, Permission permission) {
        return Permission.granted(user.roles(), permission);
    }

    boolean hasOnTeam(User user, String teamId, Permission permission) {
        if (has(user, permission)) {
            return true;
        }
        return teams.member(teamId, user.id())
                .filter(m -> m.deleteAt() == 0 && Permission.granted(m.roles(), permission))
                .isPresent();
    }

    boolean hasOnChannel(User user, Channel channel, Permission permission) {
        if (!channel.teamId().isEmpty() && hasOnTeam(user, channel.teamId(), permission)) {
            return true;
        }
        if (has(user, permission)) {
            return true;
        }
        return channels.isMember(channel.id(), user.id()) && Permission.granted("channel_user", permission);
    }

    void require(User user, Permission permission) {
        if (!has(user, permission)) {
            throw AppError.permission();
        }
    }

    void requireOnTeam(User user, String teamId, Permission permission) {
        if (!hasOnTeam(user, teamId, permission)) {
            throw AppError.permission();
        }
    }

    /** Whether the caller may see emails and full names of others ({@code GetSanitizeOptions}). */
    boolean seesEmails(User viewer, ServerSettings settings) {
        return settings.showEmailAddress() || has(viewer, Permission.MANAGE_SYSTEM);
    }

    boolean seesFullNames(User viewer, ServerSettings settings) {
        return settings.showFullName() || has(viewer, Permission.MANAGE_SYSTEM);
    }

    /** A user as the viewer may see it: themself in full, others sanitised per the privacy settings. */
    User view(User viewer, User user, ServerSettings settings) {
        if (viewer.id().equals(user.id()) || has(viewer, Permission.MANAGE_SYSTEM)) {
            return user;
        }
        return user.sanitizedForOthers(seesEmails(viewer, settings), seesFullNames(viewer, settings));
    }
}
