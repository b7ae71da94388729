package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The control API's team calls: teams (open or invite-only) and their members. Adding a member
 * also puts them in the team's town square, where commands run by default.
 */
final class ControlTeamRoutes {
    private final TeamStore teams;
    private final ChannelStore channels;
    private final UserStore users;
    private final Clock clock;

    ControlTeamRoutes(TeamStore teams, ChannelStore channels, UserStore users, Clock clock) {
        this.teams = teams;
        this.channels = channels;
        this.users = users;
        this.clock = clock;
    }

    void register(Router router) {
        router.post("/_sandbox/teams", this::createTeam)
                .get("/_sandbox/teams", this::listTeams)
                .post("/_sandbox/teams/{id}/members", this::addMember);
    }

    private Response createTeam(Request request) {
        JsonBody body = JsonBody.object(request, "body");
        String name = body.string("name");
        String displayName = body.optionalString("displayName").filter(d -> !d.isEmpty()).orElse(name);
        boolean open = !body.has("open") || body.bool("open");
        long now = clock.millis();
        Team team = teams.add(new Team(Ids.newId(), now, now, 0, displayName, name, "", "", open ? "O" : "I", "", "",
                Ids.newId(), open, false));
        channels.townSquare(team.id());
        return Wire.control(201, Map.of("id", team.id()));
    }

    private Response listTeams(Request request) {
        List<Map<String, Object>> out = teams.all().stream().map(t -> Map.<String, Object>of(
                "id", t.id(), "name", t.name(), "displayName", t.displayName(), "open", t.allowOpenInvite(),
                "townSquareId", channels.townSquare(t.id()).id())).toList();
        return Wire.control(200, out);
    }

    /** {@code {userId, admin?}} or {@code {userId, roles: "team_user team_admin"}}. */
    private Response addMember(Request request) {
        JsonBody body = JsonBody.object(request, "body");
        Team team = teams.require(request.pathParam("id"));
        User user = users.require(body.string("userId"));
        boolean admin = body.bool("admin") || body.string("roles").contains(TeamMember.TEAM_ADMIN);
        TeamMember member = teams.addMember(TeamMember.of(team.id(), user.id(), admin));
        channels.join(channels.townSquare(team.id()).id(), user.id());
        return Wire.control(200, Map.of("teamId", member.teamId(), "userId", member.userId(), "roles", member.roles()));
    }
}
