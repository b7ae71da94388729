package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.util.List;
import java.util.Map;

/**
 * Team listings. {@code GET /teams} shows every team to callers with {@code list_private_teams}
 * (system admins) and only open-invite teams to the rest ({@code list_public_teams}); teams are
 * sanitised for callers who cannot manage them, as {@code SanitizeTeams} does.
 */
final class TeamRoutes {
    private final TeamStore teams;
    private final UserStore users;
    private final Permissions permissions;

    TeamRoutes(TeamStore teams, UserStore users, Permissions permissions) {
        this.teams = teams;
        this.users = users;
        this.permissions = permissions;
    }

    void register(ApiRouter api) {
        api.get("/teams", this::getTeams)
                .get("/users/{user_id}/teams", this::getTeamsForUser)
                .get("/teams/{team_id}/members", this::getMembers);
    }

    private Response getTeams(Request request, Caller caller) {
        boolean listPrivate = permissions.has(caller.user(), Permission.LIST_PRIVATE_TEAMS);
        boolean listPublic = permissions.has(caller.user(), Permission.LIST_PUBLIC_TEAMS);
        List<Team> visible = teams.all().stream()
                .filter(t -> t.allowOpenInvite() ? listPublic : listPrivate)
                .toList();
        List<Team> page = sanitize(caller, Paging.of(request).apply(visible));
        if (Boolean.parseBoolean(request.queryParam("include_total_count").orElse("false"))) {
            return Wire.ok(Map.of("teams", page, "total_count", visible.size()));
        }
        return Wire.ok(page);
    }

    private Response getTeamsForUser(Request request, Caller caller) {
        String userId = UserRoutes.userIdParam(request, caller);
        if (!userId.equals(caller.userId()) && !permissions.has(caller.user(), Permission.MANAGE_SYSTEM)) {
            throw AppError.permission();
        }
        users.require(userId);
        return Wire.ok(sanitize(caller, teams.teamsOf(userId)));
    }

    private Response getMembers(Request request, Caller caller) {
        String teamId = request.pathParam("team_id");
        if (!Ids.isValid(teamId)) {
            throw AppError.invalidUrlParam("team_id");
        }
        permissions.requireOnTeam(caller.user(), teamId, Permission.VIEW_TEAM);
        teams.require(teamId);
        return Wire.ok(Paging.of(request).apply(teams.members(teamId)));
    }

    private List<Team> sanitize(Caller caller, List<Team> list) {
        return list.stream()
                .map(t -> permissions.hasOnTeam(caller.user(), t.id(), Permission.MANAGE_TEAM) ? t : t.sanitized())
                .toList();
    }
}
