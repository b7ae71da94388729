package io.teamsbridge.bench;

import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code realistic} scenario's tenant: {@code users} Teams users, a fifth of them connected;
 * of the connected, 20 % always away (must be notified), 60 % always available (must not be) and
 * 20 % switching between the two every 10 s (checked only for duplicates, since which presence the
 * bridge saw depends on its cache) — about 30 % away at any time. One chat per ten users, 70 % 1:1
 * and 30 % groups of 3–12, members drawn from everybody, so most messages notify nobody. With
 * {@code nobodyAway} every connected user is available all along: no message notifies anyone, and
 * the bridge's CPU per received notification is what one that needs no delivery costs.
 */
final class RealisticWorld implements AutoCloseable {
    private final List<Traffic.Route> routes = new ArrayList<>();
    private final List<String> changingMattermostIds = new ArrayList<>();
    private final int connectedCount;
    private final ScheduledExecutorService presenceChanger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "presence-changer");
        t.setDaemon(true);
        return t;
    });

    RealisticWorld(BenchWorld world, MicrosoftControlClient teams, int users, boolean nobodyAway) throws Exception {
        Random random = new Random(42);
        connectedCount = Math.max(5, users / 5);
        List<BenchWorld.Person> connected = world.connectedPeople("c", connectedCount, 4);
        List<String> everyone = new ArrayList<>();
        Map<String, BenchWorld.Person> byTeamsId = new HashMap<>();
        Map<String, Character> kind = new HashMap<>(); // a: away, v: available, c: changing
        List<String> changingTeamsIds = new ArrayList<>();
        for (int i = 0; i < connected.size(); i++) {
            BenchWorld.Person p = connected.get(i);
            everyone.add(p.teamsUserId());
            byTeamsId.put(p.teamsUserId(), p);
            char k = nobodyAway ? 'v' : i % 10 < 2 ? 'a' : i % 10 < 8 ? 'v' : 'c';
            kind.put(p.teamsUserId(), k);
            if (k == 'c') {
                changingTeamsIds.add(p.teamsUserId());
                changingMattermostIds.add(p.mattermostUserId());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (BenchWorld.Person p : connected) {
                char k = kind.get(p.teamsUserId());
                work.add(pool.submit(() -> teams.setPresence(p.teamsUserId(), k == 'v' ? "Available" : "Away",
                        k == 'v' ? "Available" : "Away")));
            }
            List<Future<String>> others = new ArrayList<>();
            for (int i = connectedCount; i < users; i++) {
                String name = "t" + i;
                others.add(pool.submit(() -> world.teamsOnly(name)));
            }
            for (Future<String> f : others) {
                everyone.add(f.get());
            }
            for (Future<?> f : work) {
                f.get();
            }
            List<Future<Traffic.Route>> chats = new ArrayList<>();
            for (int c = 0; c < Math.max(20, users / 10); c++) {
                boolean group = random.nextInt(10) < 3;
                int size = group ? 3 + random.nextInt(10) : 2;
                List<String> members = new ArrayList<>();
                while (members.size() < size) {
                    String m = everyone.get(random.nextInt(everyone.size()));
                    if (!members.contains(m)) {
                        members.add(m);
                    }
                }
                String topic = group ? "group " + c : null;
                chats.add(pool.submit(() -> {
                    String chatId = teams.createChat(group ? "group" : "oneOnOne", topic, members);
                    String sender = members.getFirst();
                    List<String> expected = new ArrayList<>();
                    List<String> forbidden = new ArrayList<>();
                    for (String m : members.subList(1, members.size())) {
                        BenchWorld.Person p = byTeamsId.get(m);
                        if (p != null && kind.get(m) == 'a') {
                            expected.add(p.mattermostUserId());
                        } else if (p != null && kind.get(m) == 'v') {
                            forbidden.add(p.mattermostUserId());
                        }
                    }
                    return new Traffic.Route(chatId, sender, List.copyOf(expected), List.copyOf(forbidden));
                }));
            }
            for (Future<Traffic.Route> f : chats) {
                routes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        presenceChanger.scheduleAtFixedRate(() -> {
            for (String id : changingTeamsIds) {
                boolean away = random.nextBoolean();
                try {
                    teams.setPresence(id, away ? "Away" : "Available", away ? "Away" : "Available");
                } catch (RuntimeException e) {
                    return; // the emulator is closing
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    List<Traffic.Route> routes() {
        return routes;
    }

    List<String> changingMattermostIds() {
        return changingMattermostIds;
    }

    /** Plain, formatted, list and code bodies, plus one with a mention and one with a shared file. */
    static Traffic.Body body(long index, String marker, Traffic.Route route) {
        return switch ((int) (index % 6)) {
            case 4 -> new Traffic.Body("<p><at id=\"0\">Adele</at> can you check this? ref " + marker + "</p>",
                    List.of(new MicrosoftControlClient.Mention(0, "Adele", route.fromTeamsUserId())), List.of());
            case 5 -> new Traffic.Body("<p>Here is the spec, ref " + marker + "</p><attachment id=\"f" + index
                    + "\"></attachment>", List.of(), List.of(MicrosoftControlClient.Attachment.file("f" + index,
                    "https://contoso.sharepoint.com/sites/team/Shared%20Documents/spec.docx", "spec.docx")));
            default -> Traffic.Body.html(Bodies.withMarker(index, marker));
        };
    }

    @Override
    public void close() {
        presenceChanger.shutdownNow();
    }

    /** How many of the users are connected (a fifth, at least 5). */
    int connectedCount() {
        return connectedCount;
    }
}
