package io.teamsbridge.bench.jmh;

import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.ChatMuteRepository;
import io.teamsbridge.store.ChatThreadRepository;
import io.teamsbridge.store.PreferenceRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a batch of six new messages, each in its own 1:1 chat with one connected member, reads
 * about its audience on an H2 file with the default URL's options (50 connected users, each with
 * settings and a thread per chat, some chats muted): {@code together} as the worker does now (the
 * settings, mutes and thread roots of all six chats, a query each; the connections are in memory,
 * {@code ConnectedUsers}) against {@code perChat}, the way before (the connection, settings, mute and
 * root read for each chat, the root before each post). In process, so a PostgreSQL round trip's
 * cost is not in it: on PostgreSQL each query saved is also a round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AudienceReadBenchmark {
    private static final int USERS = 50;
    private static final int BATCH = 6;

    private H2File h2;
    private AccountLinkRepository links;
    private PreferenceRepository preferences;
    private ChatMuteRepository mutes;
    private ChatThreadRepository threads;
    private final List<String> chats = new ArrayList<>();
    private final List<String> teamsIds = new ArrayList<>();
    private final List<String> users = new ArrayList<>();

    @Setup
    public void setUp() throws java.io.IOException {
        h2 = new H2File("audience");
        links = new AccountLinkRepository(h2.jdbc);
        preferences = new PreferenceRepository(h2.jdbc);
        mutes = new ChatMuteRepository(h2.jdbc);
        threads = new ChatThreadRepository(h2.jdbc);
        Instant at = Instant.parse("2026-12-05T08:00:00Z");
        for (int i = 0; i < USERS; i++) {
            String user = "mm-user-" + i;
            String teams = "teams-user-" + i;
            String chat = "19:chat-" + i + "@unq.gbl.spaces";
            links.connect(new AccountLink(user, teams, "u" + i + "@example.com", "User " + i, "u" + i + "@example.com",
                    "sealed", at.plusSeconds(3600), at, at, AccountLink.Status.ACTIVE, null, null));
            preferences.putAll(user, Map.of("notifications", "on", "thread_per_chat", "on"), at);
            threads.remember(user, chat, "root-" + i, "1:1 chat", at);
            if (i % 5 == 0) {
                mutes.mute(user, chat, "1:1 chat", at);
            }
            if (i < BATCH) {
                chats.add(chat);
                teamsIds.add(teams);
                users.add(user);
            }
        }
    }

    @TearDown
    public void tearDown() throws java.io.IOException {
        h2.close();
    }

    @Benchmark
    public void together(Blackhole out) {
        out.consume(preferences.valuesOf(users));
        out.consume(mutes.mutedIn(chats, users));
        out.consume(threads.rootsIn(chats, users));
    }

    @Benchmark
    public void perChat(Blackhole out) {
        for (int i = 0; i < BATCH; i++) {
            out.consume(links.findByTeamsUser(teamsIds.get(i)));
            out.consume(preferences.valuesOf(List.of(users.get(i))));
            out.consume(mutes.mutedIn(List.of(chats.get(i)), List.of(users.get(i))));
            out.consume(threads.rootOf(users.get(i), chats.get(i)));
        }
    }
}
