package io.teamsbridge.sandbox;

import io.teamsbridge.emulators.mattermost.MattermostEmulator;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulator;
import java.util.List;

/**
 * The seeded demo: one Mattermost team and a few people who exist on both sides with the same
 * email address, ready to connect.
 */
public record DemoWorld(String teamId, List<DemoPerson> people) {

    /** One person and their ids on both sides. */
    public record DemoPerson(String name, String username, String email, String mattermostUserId, String teamsUserId) {}

    static DemoWorld empty() {
        return new DemoWorld(null, List.of());
    }

    static DemoWorld seed(MicrosoftEmulator microsoft, MattermostEmulator mattermost) {
        String team = mattermost.control().createTeam("demo");
        List<DemoPerson> people = List.of(
                        new String[] {"Alice Archer", "alice"},
                        new String[] {"Bob Baker", "bob"},
                        new String[] {"Carol Chen", "carol"},
                        new String[] {"Dan Diaz", "dan"})
                .stream()
                .map(p -> {
                    String email = p[1] + "@example.com";
                    String[] names = p[0].split(" ");
                    String mm = mattermost.control().createUser(p[1], email, names[0], names[1], "system_user", "en");
                    mattermost.control().addTeamMember(team, mm);
                    String teams = microsoft.control().createUser(p[0], email, email);
                    return new DemoPerson(p[0], p[1], email, mm, teams);
                })
                .toList();
        return new DemoWorld(team, people);
    }
}
