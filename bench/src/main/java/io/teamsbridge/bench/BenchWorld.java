package io.teamsbridge.bench;

import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People in both emulators and the way they connect: {@code /msteams connect} through the Mattermost
 * emulator, then the link followed by a cookie-keeping HTTP client while the Microsoft emulator's
 * session is that person. The emulator has one session for everybody, so the sign-in part runs one
 * person at a time; the rest runs in parallel.
 */
final class BenchWorld {
    private static final Pattern LINK = Pattern.compile("\\]\\((http[^)]+/connect\\?state=[^)]+)\\)");

    /** A person with the same address in Mattermost and Teams. */
    record Person(String mattermostUserId, String teamsUserId, String name) {}

    private final MicrosoftControlClient teams;
    private final MattermostControlClient chat;
    private final String teamId;
    private final ReentrantLock signIn = new ReentrantLock();

    BenchWorld(MicrosoftControlClient teams, MattermostControlClient chat, String teamId) {
        this.teams = teams;
        this.chat = chat;
        this.teamId = teamId;
    }

    /** A Mattermost user in the team with a Teams account of the same address. */
    Person person(String name) {
        String email = name + "@example.com";
        String mmId = chat.createUser(name, email);
        chat.addTeamMember(teamId, mmId);
        String teamsId = teams.createUser(name + " Teams", email, email);
        return new Person(mmId, teamsId, name);
    }

    /** Someone only in Teams: a sender whose own notifications nobody measures. */
    String teamsOnly(String name) {
        return teams.createUser(name, name + "@example.com", null);
    }

    /** Creates and connects {@code count} people, {@code parallelism} at a time. */
    List<Person> connectedPeople(String prefix, int count, int parallelism) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Person>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                futures.add(pool.submit(() -> connect(person(name))));
            }
            List<Person> people = new ArrayList<>();
            for (Future<Person> f : futures) {
                people.add(f.get());
            }
            return people;
        } finally {
            pool.shutdownNow();
        }
    }

    Person connect(Person person) {
        int before = chat.ephemeralPosts(person.mattermostUserId()).size();
        MattermostControlClient.CommandResult result = chat.executeCommand(person.mattermostUserId(), teamId,
                "/msteams connect");
        // The link comes privately (an ephemeral post), not in the command's answer.
        List<tools.jackson.databind.JsonNode> seen = chat.ephemeralPosts(person.mattermostUserId());
        String reply = String.join("\n", seen.subList(Math.min(before, seen.size()), seen.size()).stream()
                .map(p -> p.path("message").asString()).toList());
        Matcher m = LINK.matcher(reply);
        if (result.status() != 200 || !m.find()) {
            throw new IllegalStateException("No connect link for " + person.name() + ": " + result.status() + " " + reply);
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page;
        signIn.lock();
        try {
            teams.setSession(person.teamsUserId());
            String link = m.group(1);
            // The link's page names the account; its Continue button goes on to the sign-in.
            browser.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            page = browser.send(HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString(link.substring(link.indexOf('?') + 1))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Connecting " + person.name() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            signIn.unlock();
        }
        if (page.statusCode() != 200 || !page.body().contains("Connected to Microsoft Teams")) {
            throw new IllegalStateException("Connecting " + person.name() + " ended with " + page.statusCode() + ": "
                    + page.body());
        }
        return person;
    }
}
