package io.teamsbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.emulators.mattermost.MattermostControlClient.CommandResult;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and a team in both emulators, and the moves a person makes: typing {@code /msteams …} and
 * following the connect link in a browser.
 */
public final class World {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("\\]\\((http[^)]+/connect\\?state=[^)]+)\\)");

    private final BridgeHarness harness;
    private final String teamId;

    public World(BridgeHarness harness) {
        this.harness = harness;
        this.teamId = harness.chat().createTeam("team-" + COUNTER.incrementAndGet());
        harness.syncCommands(teamId);
    }

    /** A person with matching email addresses in Mattermost and Teams. */
    public record Person(String mattermostUserId, String teamsUserId, String username, String email) {}

    public Person person(String name) {
        String unique = name + COUNTER.incrementAndGet();
        String email = unique + "@example.com";
        return person(unique, email, email);
    }

    /** A person whose Teams address differs from their Mattermost address. */
    public Person personWithEmails(String name, String mattermostEmail, String teamsEmail) {
        return person(name + COUNTER.incrementAndGet(), mattermostEmail, teamsEmail);
    }

    /** A person whose Teams account has no mailbox: its user principal name is their Mattermost email. */
    public Person personWithoutTeamsMail(String name) {
        String username = name + COUNTER.incrementAndGet();
        String email = username + "@example.com";
        String mmId = harness.chat().createUser(username, email);
        harness.chat().addTeamMember(teamId, mmId);
        String teamsId = harness.teams().createUser(username + " Teams", null, email);
        return new Person(mmId, teamsId, username, email);
    }

    /**
     * A person whose Mattermost account has an email Mattermost has not verified ({@code authService}
     * "" for email sign-in), or who signs in through SSO ({@code authService} e.g. "saml").
     */
    public Person personWithEmailVerification(String name, boolean emailVerified, String authService) {
        String username = name + COUNTER.incrementAndGet();
        String email = username + "@example.com";
        String mmId = harness.chat().createUser(username, email, "", "", "system_user", "en", emailVerified, authService);
        harness.chat().addTeamMember(teamId, mmId);
        String teamsId = harness.teams().createUser(username + " Teams", email, email);
        return new Person(mmId, teamsId, username, email);
    }

    /** A Mattermost account with an unverified email, and a Teams account of another organisation, or none. */
    public String mattermostUserWithUnverifiedEmail(String name, String email) {
        String username = name + COUNTER.incrementAndGet();
        String mmId = harness.chat().createUser(username, email, "", "", "system_user", "en", false, "");
        harness.chat().addTeamMember(teamId, mmId);
        return mmId;
    }

    /** A person whose Teams account belongs to another organisation (its tokens name another tenant). */
    public Person personFromAnotherTenant(String name, String tenantId) {
        String username = name + COUNTER.incrementAndGet();
        String email = username + "@example.com";
        String mmId = harness.chat().createUser(username, email);
        harness.chat().addTeamMember(teamId, mmId);
        String teamsId = harness.teams().createUser(username + " Teams", email, email, tenantId);
        return new Person(mmId, teamsId, username, email);
    }

    private Person person(String username, String mattermostEmail, String teamsEmail) {
        String mmId = harness.chat().createUser(username, mattermostEmail);
        harness.chat().addTeamMember(teamId, mmId);
        String teamsId = harness.teams().createUser(username + " Teams", teamsEmail, teamsEmail);
        return new Person(mmId, teamsId, username, mattermostEmail);
    }

    /** A Mattermost-only person (no Teams account). */
    public String mattermostUser(String name) {
        String username = name + COUNTER.incrementAndGet();
        String id = harness.chat().createUser(username, username + "@example.com");
        harness.chat().addTeamMember(teamId, id);
        return id;
    }

    public String teamId() {
        return teamId;
    }

    /**
     * What the user sees after typing {@code /msteams <text>}: the command's answer and what the bot
     * told them privately meanwhile (ephemeral posts, and posts in their direct channel with the
     * bot), in that order. The command must have succeeded.
     */
    public String command(String mattermostUserId, String text) {
        int ephemeralBefore = harness.chat().ephemeralPosts(mattermostUserId).size();
        int directBefore = harness.chat().botPosts(mattermostUserId).size();
        CommandResult result = commandResult(mattermostUserId, text);
        assertThat(result.status()).as("status of /msteams %s: %s", text, result.response()).isEqualTo(200);
        assertThat(result.response().path("response_type").asString("ephemeral")).isEqualTo("ephemeral");
        java.util.List<String> seen = new java.util.ArrayList<>();
        java.util.List<tools.jackson.databind.JsonNode> ephemeral = harness.chat().ephemeralPosts(mattermostUserId);
        ephemeral.subList(ephemeralBefore, ephemeral.size()).forEach(p -> seen.add(p.path("message").asString()));
        java.util.List<tools.jackson.databind.JsonNode> direct = harness.chat().botPosts(mattermostUserId);
        direct.subList(directBefore, direct.size()).forEach(p -> seen.add(p.path("message").asString()));
        return String.join("\n\n", seen.stream().filter(m -> !m.isBlank()).toList());
    }

    /**
     * Types {@code /msteams <text>} and presses the confirm button the bot sends to the user's
     * direct channel; returns what the confirmation message then says.
     */
    public String commandConfirmed(String mattermostUserId, String text) {
        command(mattermostUserId, text);
        return confirm(mattermostUserId);
    }

    /** Presses the newest confirm button in the user's direct channel with the bot; returns the updated message. */
    public String confirm(String mattermostUserId) {
        tools.jackson.databind.JsonNode post = lastConfirmation(mattermostUserId);
        var click = harness.chat().clickButton(post.path("id").asString(), "confirm", mattermostUserId);
        assertThat(click.status()).as("pressing confirm: %s", click.response()).isEqualTo(200);
        return harness.chat().botPosts(mattermostUserId).stream().filter(p -> p.path("id").asString().equals(post.path("id").asString()))
                .findFirst().orElseThrow().path("message").asString();
    }

    /** The newest post with a confirm button in the user's direct channel with the bot. */
    public tools.jackson.databind.JsonNode lastConfirmation(String mattermostUserId) {
        return harness.chat().botPosts(mattermostUserId).reversed().stream()
                .filter(p -> p.path("props").path("attachments").toString().contains("\"confirm\""))
                .findFirst().orElseThrow(() -> new AssertionError("no confirm button sent to " + mattermostUserId));
    }

    public CommandResult commandResult(String mattermostUserId, String text) {
        return harness.chat().executeCommand(mattermostUserId, teamId, ("/msteams " + text).trim());
    }

    /**
     * Chooses settings as the user would: {@code /msteams settings}, then submitting the dialog
     * with these checkboxes ({@code notifications}, {@code meeting_chats}, {@code while_busy},
     * {@code while_dnd}, {@code thread_per_chat}); one left out is submitted unticked.
     */
    public void settings(Person person, java.util.Map<String, Object> checkboxes) {
        command(person.mattermostUserId(), "settings");
        java.util.List<tools.jackson.databind.JsonNode> dialogs = harness.chat().dialogs(person.mattermostUserId());
        assertThat(dialogs).as("the settings dialog").isNotEmpty();
        var result = harness.chat().submitDialog(dialogs.getLast().path("id").asString(), checkboxes, false);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.response().has("errors")).as("%s", result.response()).isFalse();
    }

    /** The link in the reply to {@code /msteams connect}. */
    public String connectLink(Person person) {
        String reply = command(person.mattermostUserId(), "connect");
        Matcher m = LINK.matcher(reply);
        assertThat(m.find()).as("a connect link in: %s", reply).isTrue();
        return m.group(1);
    }

    /** Follows a connect link in a new browser, signed in to Microsoft as the given Teams user. */
    public HttpResponse<String> followAs(String link, String teamsUserId) {
        harness.teams().setSession(teamsUserId);
        return new Browser().connect(link);
    }

    /** A Teams chat between these people. */
    public String chat(String chatType, String topic, Person... members) {
        return harness.teams().createChat(chatType, topic, java.util.Arrays.stream(members).map(Person::teamsUserId).toList());
    }

    /** A Teams chat message (HTML) from one of its members. */
    public String say(String chatId, Person from, String html) {
        return harness.teams().postMessage(chatId, from.teamsUserId(), "html", html);
    }

    public void presence(Person person, String availability, String activity) {
        harness.teams().setPresence(person.teamsUserId(), availability, activity);
    }

    /** The bot's notification posts to the person (its welcome message, its answers to commands and the chats' thread roots left out). */
    public java.util.List<tools.jackson.databind.JsonNode> notifications(Person person) {
        return harness.chat().botPosts(person.mattermostUserId()).stream()
                .filter(p -> !p.path("message").asString().startsWith("#### You're connected"))
                .filter(p -> !p.path("props").has(io.teamsbridge.mattermost.Confirmations.KIND_PROP))
                .filter(p -> !p.path("props").has(io.teamsbridge.mattermost.BotMessenger.THREAD_PROP))
                .toList();
    }

    /** The roots of the person's Teams chat threads, oldest first. */
    public java.util.List<tools.jackson.databind.JsonNode> threadRoots(Person person) {
        return harness.chat().botPosts(person.mattermostUserId()).stream()
                .filter(p -> p.path("props").has(io.teamsbridge.mattermost.BotMessenger.THREAD_PROP))
                .toList();
    }

    /** Waits until the bridge has received and finished every change of this message it was sent (or left it: nobody connected in the chat). */
    public void awaitProcessed(String chatId, String messageId) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = harness.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    java.util.List<String> states = jdbc.sql("SELECT status FROM inbox WHERE chat_id = ? AND message_id = ?")
                            .params(chatId, messageId).query(String.class).list();
                    return !states.isEmpty() && states.stream().allMatch(st -> st.equals("DONE") || st.equals("FAILED"))
                            || states.isEmpty() && harness.leftOutOfInbox(chatId, messageId);
                });
    }

    /** Waits until the bridge has finished this many changes of the message (e.g. created + updated). */
    public void awaitProcessed(String chatId, String messageId, int changes) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = harness.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM inbox WHERE chat_id = ? AND message_id = ? AND status IN ('DONE', 'FAILED')")
                        .params(chatId, messageId).query(Long.class).single() >= changes);
    }

    /** Waits until Graph (the emulator) has a subscription to our notification URL; returns it. */
    public tools.jackson.databind.JsonNode awaitSubscription() {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> {
                    for (tools.jackson.databind.JsonNode s : harness.teams().subscriptions()) {
                        if (s.path("notificationUrl").asString().startsWith(harness.bridgeUrl().toString())) {
                            return s;
                        }
                    }
                    return null;
                }, java.util.Objects::nonNull);
    }

    /** Connects the person end to end and checks that the page says so. */
    /** A new person, connected, whom Teams shows Away: the usual recipient of a notification. */
    public Person connectedAndAway(String name) {
        Person person = connected(person(name));
        presence(person, "Away", "Away");
        return person;
    }

    public Person connected(Person person) {
        HttpResponse<String> page = followAs(connectLink(person), person.teamsUserId());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Connected to Microsoft Teams");
        return person;
    }
}
