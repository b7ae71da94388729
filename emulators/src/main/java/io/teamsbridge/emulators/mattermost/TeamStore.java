package io.teamsbridge.emulators.mattermost;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Teams and their members. Team names are unique, as the server's unique index makes them. */
final class TeamStore {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9\\-_]{1,63}");

    private final ConcurrentHashMap<String, Team> teams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, TeamMember>> members = new ConcurrentHashMap<>();

    synchronized Team add(Team team) {
        if (!NAME.matcher(team.name()).matches()) {
            throw new AppError(400, "model.team.is_valid.url.app_error",
                    "Team name must be 2 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit.");
        }
        if (byName(team.name()).isPresent()) {
            throw new AppError(400, "app.team.save.existing.app_error", "A team with that name already exists.");
        }
        teams.put(team.id(), team);
        members.put(team.id(), new ConcurrentHashMap<>());
        return team;
    }

    Optional<Team> get(String id) {
        return Optional.ofNullable(id == null ? null : teams.get(id));
    }

    Team require(String id) {
        return get(id).orElseThrow(AppError::teamNotFound);
    }

    Optional<Team> byName(String name) {
        return teams.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** All teams in the server's listing order: by display name, then name. */
    List<Team> all() {
        return teams.values().stream()
                .sorted(Comparator.comparing(Team::displayName).thenComparing(Team::name))
                .toList();
    }

    TeamMember addMember(TeamMember member) {
        Map<String, TeamMember> teamMembers = members.get(member.teamId());
        if (teamMembers == null) {
            throw AppError.teamNotFound();
        }
        teamMembers.put(member.userId(), member);
        return member;
    }

    Optional<TeamMember> member(String teamId, String userId) {
        Map<String, TeamMember> teamMembers = teamId == null ? null : members.get(teamId);
        return Optional.ofNullable(teamMembers == null || userId == null ? null : teamMembers.get(userId));
    }

    List<TeamMember> members(String teamId) {
        return members.getOrDefault(teamId, Map.of()).values().stream()
                .sorted(Comparator.comparing(TeamMember::userId))
                .toList();
    }

    List<Team> teamsOf(String userId) {
        return all().stream().filter(t -> member(t.id(), userId).isPresent()).toList();
    }
}
