package io.teamsbridge.sandbox;

import io.teamsbridge.emulators.mattermost.MattermostEmulator;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulator;
import java.util.List;

/**
 * The seeded demo: one Mattermost team, a few people who exist on both sides with the same email
 * address (ready to connect), and a 1:1 chat, a group chat and a meeting chat between them in Teams.
 */
public record DemoWorld(String teamId, List<DemoPerson> people, List<DemoChat> chats) {

    /** A seeded Teams chat. */
    public record DemoChat(String id, String chatType, String topic) {}

    /** One person and their ids on both sides. */
    public record DemoPerson(String name, String username, String email, String mattermostUserId, String teamsUserId) {}

    static DemoWorld empty() {
        return new DemoWorld(null, List.of(), List.of());
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
        List<String> ids = people.stream().map(DemoPerson::teamsUserId).toList();
        List<DemoChat> chats = List.of(
                new DemoChat(microsoft.control().createChat("oneOnOne", null, List.of(ids.get(0), ids.get(1))), "oneOnOne", null),
                new DemoChat(microsoft.control().createChat("group", "Project Falcon", ids), "group", "Project Falcon"),
                new DemoChat(microsoft.control().createChat("meeting", "Weekly sync", List.of(ids.get(0), ids.get(2))), "meeting",
                        "Weekly sync"));
        return new DemoWorld(team, people, chats);
    }
}
