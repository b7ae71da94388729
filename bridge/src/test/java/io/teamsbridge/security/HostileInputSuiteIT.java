package io.teamsbridge.security;

import static io.teamsbridge.security.ProbeLog.Expect.ANSWERED;
import static io.teamsbridge.security.ProbeLog.Expect.REFUSED;
import static io.teamsbridge.security.ProbeLog.Expect.REFUSED_OR_ANSWERED;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input suite: every endpoint the bridge exposes gets malformed, truncated, huge,
 * deeply nested, mistyped, badly encoded, forged, expired, replayed and injection-laden requests.
 * Each answer is a 4xx or the endpoint's documented success, never a 5xx or internals; nothing
 * stored changes; and afterwards the bridge still delivers a genuine message. The figures of the
 * last run are written to {@code target/hostile-suite-<database>.md} for docs/security.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputSuiteIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    static final String MALFORMED = "malformed or truncated JSON and forms";
    static final String HUGE = "huge bodies, headers and counts";
    static final String NESTING = "deep nesting";
    static final String CONTENT_TYPE = "wrong content types and methods";
    static final String ENCODING = "invalid UTF-8 and Unicode edge cases";
    static final String FORGED = "forged, expired and replayed tokens, states and signatures";
    static final String INJECTION = "SQL, HTML, Markdown and mention injection";

    private static final String SUBSCRIPTION = "5f0a7c1e-1111-4a52-9a82-00000000beef";
    private static final String CLIENT_STATE = "client-state-known-to-this-suite-only";
    private static final String NOTIFICATIONS = "/microsoft/notifications";
    private static final String LIFECYCLE = "/microsoft/lifecycle";
    private static final String COMMAND = "/mattermost/command";
    private static final String ACTIONS = "/mattermost/actions";
    private static final String DIALOGS = "/mattermost/dialogs";

    private static ProbeLog probes;
    private static World world;
    private static Person victim;
    private static Person sender;
    private static Person mallory;
    private static String chat;
    private static String commandToken;
    private static String usedConnectLink;
    private static StoredState before;
    private static Person keeper;
    private static JsonNode pendingContext;
    private static JsonNode usedContext;
    private static int victimPostsBefore;

    @BeforeAll
    static void aWorldWorthAttacking() {
        probes = new ProbeLog(bridge.harness().bridgeUrl());
        world = bridge.world();
        world.awaitSubscription();
        sender = world.person("sender");
        victim = world.person("victim");
        usedConnectLink = world.connectLink(victim);
        HttpResponse<String> connected = world.followAs(usedConnectLink, victim.teamsUserId());
        assertThat(connected.body()).contains("Connected to Microsoft Teams");
        world.presence(victim, "Away", "Away");
        mallory = world.person("mallory");
        chat = world.chat("oneOnOne", null, sender, victim);
        commandToken = bridge.harness().chat().commands(world.teamId()).stream()
                .filter(c -> "msteams".equals(c.path("trigger").asString())).findFirst().orElseThrow().path("token").asString();
        Instant now = Instant.now();
        bridge.harness().bean(SubscriptionRepository.class).insert(new GraphSubscription(SUBSCRIPTION,
                "/chats/getAllMessages?model=B", bridge.harness().bridgeUrl() + NOTIFICATIONS, "cert",
                Tokens.sha256(CLIENT_STATE), now.plus(Duration.ofDays(2)), now, now, GraphSubscription.Status.ACTIVE));
        keeper = world.connected(world.person("keeper"));
        world.command(keeper.mattermostUserId(), "notifications on");
        pendingContext = confirmContext(world.lastConfirmation(keeper.mattermostUserId()));
        world.command(keeper.mattermostUserId(), "notifications on");
        usedContext = confirmContext(world.lastConfirmation(keeper.mattermostUserId()));
        world.confirm(keeper.mattermostUserId());
        before = StoredState.of(jdbc());
        victimPostsBefore = bridge.harness().chat().botPosts(victim.mattermostUserId()).size();
    }

    private static JsonNode confirmContext(JsonNode post) {
        return post.path("props").path("attachments").get(0).path("actions").get(0).path("integration").path("context");
    }

    private static JdbcClient jdbc() {
        return bridge.harness().bean(JdbcClient.class);
    }

    // ---- request builders ------------------------------------------------------------------

    private static HttpRequest.Builder json(String path, String body) {
        return probes.request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder bytes(String path, String contentType, byte[] body) {
        return probes.request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body));
    }

    private static HttpRequest.Builder form(String path, String body) {
        return probes.request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String commandForm(String token, String userId, String text) {
        return "token=" + enc(token) + "&team_id=" + enc(world.teamId()) + "&user_id=" + enc(userId)
                + "&channel_id=x&command=%2Fmsteams&text=" + enc(text);
    }

    /** One change item for the suite's own subscription, with a chosen clientState and resource. */
    private static String item(String changeType, String clientState, String resource) {
        return """
                {"subscriptionId":"%s","changeType":"%s","clientState":%s,"tenantId":"t","resource":%s,
                 "subscriptionExpirationDateTime":"2030-01-01T00:00:00Z"}""".formatted(SUBSCRIPTION, changeType,
                quote(clientState), quote(resource));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String batch(String items, String tokens) {
        return "{\"value\":[" + items + "]" + (tokens == null ? "" : ",\"validationTokens\":[" + tokens + "]") + "}";
    }

    private static String jwt(RSAKey key, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(bridge.harness().microsoft().clientId())
                .issuer("https://sts.windows.net/" + bridge.harness().microsoft().tenantId() + "/")
                .claim("appid", "0bf30f3b-4a52-48df-9a82-234910c4a086").claim("tid", "t")
                .expirationTime(Date.from(expires)).notBeforeTime(Date.from(expires.minusSeconds(3600)))
                .issueTime(Date.from(expires.minusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return quote(jwt.serialize());
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    // ---- the webhook and lifecycle endpoints -----------------------------------------------

    @Test
    @Order(1)
    void theWebhookAndLifecycleEndpoints() throws Exception {
        String good = item("created", CLIENT_STATE, "chats('19:a@thread.v2')/messages('1700000000001')");
        for (String path : List.of(NOTIFICATIONS, LIFECYCLE)) {
            for (String body : List.of("", "{", "{\"value\":[", "{\"value\":[{\"subscriptionId\":", "[]", "\"value\"", "null", "42",
                    "{\"value\":{}}", "{\"value\":[1,2,3]}", "{\"value\":[{\"subscriptionId\":5}]}", "{\"value\":[]} {}",
                    "{\"value\":[" + good + "]", batch(good, null).substring(0, 120), "{'value':[]}", "{\"value\":[{}],}",
                    "{\"value\":[{\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"subscriptionId\":\"x\"}]}")) {
                probes.send(MALFORMED, json(path, body), REFUSED_OR_ANSWERED);
            }
            probes.send(HUGE, json(path, "{\"value\":[" + "{},".repeat(1000) + "{}]}"), REFUSED);
            probes.send(HUGE, json(path, batch(good, "\"" + "A".repeat(2 * 1024 * 1024) + "\"")), REFUSED);
            probes.send(HUGE, json(path, batch(good, "\"a\",".repeat(100) + "\"a\"")), REFUSED);
            probes.send(HUGE, json(path, "{\"value\":[{\"" + "k".repeat(300) + "\":1}]}"), REFUSED);
            probes.send(HUGE, json(path, "{\"value\":[{\"n\":" + "9".repeat(5000) + "}]}"), REFUSED);
            probes.send(HUGE, bytes(path, "application/json", new byte[5 * 1024 * 1024]), REFUSED);
            probes.send(HUGE, probes.request(path).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            ("{\"value\":[" + "{},".repeat(2_000_000)).getBytes(StandardCharsets.US_ASCII)))), REFUSED);
            probes.send(NESTING, json(path, nested(10_000)), REFUSED);
            probes.send(NESTING, json(path, "{\"value\":[{\"resourceData\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}]}"), REFUSED);
            probes.send(NESTING, json(path, "{\"value\":" + nested(17) + "}"), REFUSED);
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x",
                    "application/json; charset=iso-8859-1", "*/*", "application/*", "text/json; charset=utf-16")) {
                probes.send(CONTENT_TYPE, bytes(path, type, batch(good, null).getBytes(StandardCharsets.UTF_8)), REFUSED);
            }
            probes.send(CONTENT_TYPE, probes.request(path).POST(BodyPublishers.ofString(batch(good, null))), REFUSED);
            probes.send(CONTENT_TYPE, probes.request(path).GET(), REFUSED);
            probes.send(CONTENT_TYPE, probes.request(path).method("PUT", BodyPublishers.ofString("{}")), REFUSED);
            probes.send(CONTENT_TYPE, probes.request(path).DELETE(), REFUSED);
            for (byte[] body : List.of(new byte[] {'{', '"', 'v', (byte) 0xC3, 0x28, '"', ':', '[', ']', '}'},
                    new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'},
                    new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'v', 'a', 'l', 'u', 'e', '"', ':', '[', ']', '}'},
                    new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
                    new byte[] {'{', '"', 'v', 'a', 'l', 'u', 'e', '"', ':', '[', '{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}', ']', '}'})) {
                probes.send(ENCODING, bytes(path, "application/json", body), REFUSED_OR_ANSWERED);
            }
            for (String odd : List.of("\\ud800", "\\u0000", "\\u202e" + CLIENT_STATE, CLIENT_STATE + "\\u200b", "\\uffff\\ufffe",
                    "\\ud83d\\ude00".repeat(50), "K\\u212a")) {
                probes.send(ENCODING, json(path, batch("{\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"changeType\":\"created\",\"clientState\":\""
                        + odd + "\",\"resource\":\"chats('19:" + odd + "@thread.v2')/messages('1')\"}", null)), REFUSED_OR_ANSWERED);
            }
            probes.send(ENCODING, json(path, batch(item("created", CLIENT_STATE, "chats('19:\u0000\u202e@thread.v2')/messages('١٢٣')"),
                    null)), REFUSED);
        }
        webhookForgeries();
        webhookInjection();
        probes.send(HUGE, probes.request(NOTIFICATIONS + "?validationToken=" + "x".repeat(5000)).POST(BodyPublishers.noBody()), REFUSED);
        HttpResponse<String> echoed = probes.send(INJECTION, probes.request(NOTIFICATIONS + "?validationToken="
                + enc("<script>alert(1)</script>")).POST(BodyPublishers.noBody()), ANSWERED);
        assertThat(echoed.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(echoed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        probes.assertAllAsExpected();
    }

    private void webhookForgeries() throws Exception {
        String resource = "chats('19:a@thread.v2')/messages('1700000000002')";
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String strangersToken = jwt(stranger, Instant.now().plusSeconds(600));
        String expiredToken = jwt(stranger, Instant.now().minusSeconds(3600));
        String noneToken = quote("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"aud\":\"x\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8)) + ".");
        for (String changeType : List.of("created", "updated", "deleted")) {
            probes.send(FORGED, json(NOTIFICATIONS, batch(item(changeType, CLIENT_STATE, resource), null)), REFUSED);
            probes.send(FORGED, json(NOTIFICATIONS, batch(item(changeType, CLIENT_STATE, resource), "")), REFUSED);
            probes.send(FORGED, json(NOTIFICATIONS, batch(item(changeType, CLIENT_STATE, resource), "\"not.a.jwt\"")), REFUSED);
            probes.send(FORGED, json(NOTIFICATIONS, batch(item(changeType, CLIENT_STATE, resource), strangersToken)), REFUSED);
            probes.send(FORGED, json(NOTIFICATIONS, batch(item(changeType, CLIENT_STATE, resource), expiredToken)), REFUSED);
            probes.send(FORGED, json(NOTIFICATIONS, batch(item(changeType, CLIENT_STATE, resource), noneToken)), REFUSED);
            probes.send(FORGED, json(NOTIFICATIONS, batch(item(changeType, "guessed-" + changeType, resource), null)), REFUSED);
        }
        // A genuine-looking lifecycle event, then a forged item in the same request: nothing acts.
        String lifecycle = "{\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"lifecycleEvent\":\"reauthorizationRequired\",\"clientState\":\""
                + CLIENT_STATE + "\"}";
        probes.send(FORGED, json(LIFECYCLE, batch(lifecycle + "," + item("created", "guessed", resource), null)), REFUSED);
        for (String event : List.of("reauthorizationRequired", "subscriptionRemoved", "missed")) {
            probes.send(FORGED, json(LIFECYCLE, batch("{\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"lifecycleEvent\":\"" + event
                    + "\",\"clientState\":\"guessed\"}", null)), REFUSED);
        }
        for (int i = 0; i < 30; i++) { // unknown subscriptions: ignored, and past a few lookups a second, 429
            probes.send(FORGED, json(NOTIFICATIONS, batch("{\"subscriptionId\":\"" + java.util.UUID.randomUUID()
                    + "\",\"changeType\":\"deleted\",\"clientState\":\"x\",\"resource\":\"" + resource.replace("'", "'") + "\"}", null)),
                    REFUSED_OR_ANSWERED);
        }
    }

    private void webhookInjection() {
        for (String hostile : List.of("' OR '1'='1", "x'); DROP TABLE inbox;--", "<script>alert(1)</script>", "@channel",
                "[x](javascript:alert(1))", "${jndi:ldap://127.0.0.1/a}", "%s%n%x", "../../../etc/passwd", "\r\nSet-Cookie: a=b")) {
            probes.send(INJECTION, json(NOTIFICATIONS, batch(item("created", hostile, "chats('" + hostile + "')/messages('1')"), null)),
                    REFUSED);
            probes.send(INJECTION, json(NOTIFICATIONS, batch("{\"subscriptionId\":" + quote(hostile) + ",\"changeType\":\"deleted\","
                    + "\"clientState\":" + quote(hostile) + ",\"resource\":" + quote(hostile) + "}", null)), REFUSED_OR_ANSWERED);
            probes.send(INJECTION, json(NOTIFICATIONS, batch(item("created", CLIENT_STATE, "chats('19:" + hostile
                    + "@thread.v2')/messages('" + hostile + "')"), null)), REFUSED_OR_ANSWERED);
        }
    }

    // ---- the slash command -----------------------------------------------------------------

    @Test
    @Order(2)
    void theSlashCommandEndpoint() {
        for (String body : List.of("", "%%%=%zz&token", "token", "=&=&=", "token=&team_id=&user_id=", "text=%", "a=%E0%A4%A",
                "token=" + commandToken + "&token=other&team_id=" + world.teamId(), "token=" + commandToken + "&team_id=" + world.teamId(),
                "token=" + commandToken + "&team_id=" + world.teamId() + "&user_id=")) {
            probes.send(MALFORMED, form(COMMAND, body), REFUSED);
        }
        probes.send(HUGE, form(COMMAND, commandForm(commandToken, mallory.mattermostUserId(), "a".repeat(200_000))), REFUSED);
        probes.send(HUGE, form(COMMAND, commandForm(commandToken, mallory.mattermostUserId(), "help " + "b".repeat(5000))),
                ANSWERED);
        probes.send(HUGE, form(COMMAND, "a=1&".repeat(20_000) + commandForm(commandToken, mallory.mattermostUserId(), "help")),
                REFUSED_OR_ANSWERED);
        probes.send(HUGE, form(COMMAND, commandForm("t".repeat(100_000), mallory.mattermostUserId(), "help")), REFUSED);
        probes.send(HUGE, form(COMMAND, commandForm(commandToken, mallory.mattermostUserId(), "help")).header("X-Big", "h".repeat(20_000)),
                REFUSED);
        probes.send(NESTING, form(COMMAND, commandForm(commandToken, mallory.mattermostUserId(), "notifications " + "on ".repeat(2000))),
                ANSWERED);
        probes.send(NESTING, form(COMMAND, "a[b][c][d][e][f][g][h]=1&" + commandForm(commandToken, "x", "help").replace("token=", "token[]=")),
                REFUSED);
        String valid = commandForm(commandToken, mallory.mattermostUserId(), "help");
        for (String type : List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "application/xml")) {
            probes.send(CONTENT_TYPE, probes.request(COMMAND).header("Content-Type", type).POST(BodyPublishers.ofString(valid)), REFUSED);
        }
        probes.send(CONTENT_TYPE, probes.request(COMMAND).GET(), REFUSED);
        probes.send(CONTENT_TYPE, probes.request(COMMAND).method("PATCH", BodyPublishers.ofString(valid)), REFUSED);
        probes.send(CONTENT_TYPE, probes.request(COMMAND).POST(BodyPublishers.ofString(valid)), REFUSED);
        for (String text : List.of("%C3%28", "%ED%A0%80", "%00", "%EF%BF%BF", "%E2%80%AE%E2%80%8Bhelp", "%C0%AF", "%F0%9F%98%80".repeat(100))) {
            probes.send(ENCODING, form(COMMAND, "token=" + enc(commandToken) + "&team_id=" + world.teamId() + "&user_id="
                    + mallory.mattermostUserId() + "&text=" + text), REFUSED_OR_ANSWERED);
        }
        probes.send(ENCODING, form(COMMAND, "token=%FF%FE&team_id=" + world.teamId() + "&user_id=x&text=help"), REFUSED);
        for (String state : List.of("disconnect", "notifications off", "status", "connect")) {
            probes.send(FORGED, form(COMMAND, commandForm("x".repeat(26), victim.mattermostUserId(), state)), REFUSED);
            probes.send(FORGED, form(COMMAND, commandForm(commandToken.substring(0, 25) + "z", victim.mattermostUserId(), state)), REFUSED);
            probes.send(FORGED, form(COMMAND, commandForm("", victim.mattermostUserId(), state))
                    .header("Authorization", "Token " + "y".repeat(26)), REFUSED);
            probes.send(FORGED, form(COMMAND, commandForm(commandToken, victim.mattermostUserId(), state)
                    .replace("team_id=" + world.teamId(), "team_id=unknownteamid0000000000000")), REFUSED);
            probes.send(FORGED, form(COMMAND, commandForm(commandToken, victim.mattermostUserId(), state)
                    .replace("team_id=" + world.teamId(), "team_id=" + enc("' OR 1=1 --"))), REFUSED);
        }
        for (String hostile : List.of("' OR '1'='1", "status'; DROP TABLE account_link;--", "<script>alert(1)</script>",
                "@channel @all @here", "[click](javascript:alert(1))", "![x](http://127.0.0.1:1/pixel)", "`code` **bold** # heading",
                "help\n@all", "<!channel> <@victim>", "${jndi:ldap://127.0.0.1/a}")) {
            HttpResponse<String> reply = probes.send(INJECTION, form(COMMAND, commandForm(commandToken, mallory.mattermostUserId(), hostile)),
                    ANSWERED);
            assertHarmless(tools.jackson.databind.json.JsonMapper.builder().build().readTree(reply.body()).path("text").asString());
        }
        probes.sendRaw(MALFORMED, "POST /mattermost/command HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\ntoken=abc"
                .getBytes(StandardCharsets.US_ASCII), REFUSED);
        probes.sendRaw(MALFORMED, "POST /mattermost/command HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nzz\r\n"
                .getBytes(StandardCharsets.US_ASCII), REFUSED);
        probes.sendRaw(MALFORMED, "GET /%zz%00 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), REFUSED);
        // Not sent: a request line with an unknown HTTP version ("HTTP/9.9"), which Tomcat answers 505
        // (HTTP Version Not Supported) before the application sees it; docs/security.md says so.
        probes.assertAllAsExpected();
    }

    /** Text shown to a user: no live mention, no raw HTML, no link that Markdown would make. */
    static void assertHarmless(String text) {
        assertThat(text).doesNotContain("<script>").doesNotContainPattern("(?<!\\\\)\\]\\(javascript:")
                .doesNotContainPattern("@(channel|all|here)\\b");
    }

    // ---- connect link and OAuth callback ---------------------------------------------------

    @Test
    @Order(3)
    void theConnectLinkAndTheOAuthCallback() throws Exception {
        String usedState = usedConnectLink.substring(usedConnectLink.indexOf("state=") + 6);
        for (String query : List.of("", "?state=", "?state=%", "?state=%zz", "?state&state", "?state=a&state=b", "?=&=")) {
            probes.get(MALFORMED, "/connect" + query, REFUSED);
            probes.get(MALFORMED, "/oauth/callback" + query, REFUSED);
        }
        probes.send(MALFORMED, probes.request("/oauth/callback?state=" + usedState), REFUSED);
        probes.send(MALFORMED, probes.request("/oauth/callback?code=abc"), REFUSED);
        probes.send(HUGE, probes.request("/connect?state=" + "x".repeat(5000)), REFUSED);
        probes.send(HUGE, probes.request("/oauth/callback?state=" + "x".repeat(5000) + "&code=" + "c".repeat(5000)), REFUSED);
        probes.send(HUGE, probes.request("/connect?state=" + "x".repeat(60_000)), REFUSED);
        probes.send(HUGE, probes.request("/oauth/callback?state=s&code=c").header("Cookie", "teamsbridge_browser=" + "b".repeat(20_000)),
                REFUSED);
        probes.send(NESTING, probes.request("/connect?state[a][b][c][d]=1"), REFUSED);
        probes.send(NESTING, probes.request("/oauth/callback?state=" + "%5B".repeat(1000) + "&code=1"), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/oauth/callback?state=s&code=c").POST(BodyPublishers.ofString("x")), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/connect?state=s").method("PUT", BodyPublishers.ofString("x")), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/connect?state=s").DELETE(), REFUSED);
        for (String odd : List.of("%C3%28", "%ED%A0%80", "%00", "%E2%80%AE", "%EF%BB%BF" + usedState, "%E2%84%AA", "%F0%9F%98%80")) {
            probes.send(ENCODING, probes.request("/connect?state=" + odd), REFUSED);
            probes.send(ENCODING, probes.request("/oauth/callback?state=" + odd + "&code=" + odd), REFUSED);
        }
        // Replayed: the link the victim already used, and its callback state; forged: states never issued.
        probes.send(FORGED, probes.request("/connect?state=" + usedState), REFUSED);
        probes.send(FORGED, probes.request("/oauth/callback?state=" + usedState + "&code=stolen-code"), REFUSED);
        probes.send(FORGED, probes.request("/oauth/callback?state=" + usedState + "&code=stolen-code")
                .header("Cookie", "teamsbridge_browser=guessed"), REFUSED);
        for (int i = 0; i < 5; i++) {
            String guessed = Tokens.sha256("guess" + i).substring(0, 43);
            probes.send(FORGED, probes.request("/connect?state=" + guessed), REFUSED);
            probes.send(FORGED, probes.request("/oauth/callback?state=" + guessed + "&code=c"), REFUSED);
        }
        for (String hostile : List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1", "javascript:alert(1)",
                "@channel", "\r\nLocation: http://127.0.0.1:1/")) {
            HttpResponse<String> page = probes.send(INJECTION, probes.request("/oauth/callback?state=s&error=" + enc(hostile)
                    + "&error_description=" + enc(hostile)), REFUSED);
            assertThat(page.body()).doesNotContain("<script>").doesNotContain("<img").doesNotContain("onerror=alert");
            assertThat(page.headers().firstValue("Location")).isEmpty();
            probes.send(INJECTION, probes.request("/connect?state=" + enc(hostile)), REFUSED);
            probes.send(INJECTION, form("/connect", "state=" + enc(hostile)), REFUSED);
        }
        for (String body : List.of("", "state", "state=", "%%%=%zz", "state=a&state=b", "=&=")) {
            probes.send(MALFORMED, form("/connect", body), REFUSED);
        }
        probes.send(HUGE, form("/connect", "state=" + "s".repeat(3_000_000)), REFUSED);
        probes.send(CONTENT_TYPE, json("/connect", "{\"state\":\"" + usedState + "\"}"), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/connect").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("state=" + usedState)), REFUSED);
        probes.send(ENCODING, form("/connect", "state=%C3%28%ED%A0%80%00"), REFUSED);
        probes.send(FORGED, form("/connect", "state=" + usedState), REFUSED);
        probes.send(FORGED, form("/connect", "state=" + usedState).header("Sec-Fetch-Site", "cross-site"), REFUSED);
        probes.send(FORGED, form("/connect", "state=" + Tokens.sha256("guess").substring(0, 43))
                .header("Origin", "https://evil.example"), REFUSED);
        probes.assertAllAsExpected();
    }

    // ---- the confirm-button endpoint --------------------------------------------------------

    private static HttpRequest.Builder press(String userId, Object context) throws Exception {
        return json(ACTIONS, tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                java.util.Map.of("user_id", userId, "context", context)));
    }

    @Test
    @Order(5)
    void theConfirmButtonEndpoint() throws Exception {
        for (String body : List.of("", "{", "[]", "null", "42", "{\"user_id\":5}", "{\"user_id\":\"x\",\"context\":",
                "{\"user_id\":\"" + keeper.mattermostUserId() + "\"}", "{\"user_id\":\"" + keeper.mattermostUserId()
                        + "\",\"context\":\"not an object\"}")) {
            probes.send(MALFORMED, json(ACTIONS, body), REFUSED);
        }
        probes.send(HUGE, json(ACTIONS, "{\"user_id\":\"" + "u".repeat(40_000) + "\"}"), REFUSED);
        probes.send(HUGE, bytes(ACTIONS, "application/json", new byte[5 * 1024 * 1024]), REFUSED);
        probes.send(NESTING, json(ACTIONS, "{\"user_id\":\"u\",\"context\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(500) + "}"),
                REFUSED);
        probes.send(NESTING, json(ACTIONS, nested(10_000)), REFUSED);
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*")) {
            probes.send(CONTENT_TYPE, bytes(ACTIONS, type, "{}".getBytes(StandardCharsets.UTF_8)), REFUSED);
        }
        probes.send(CONTENT_TYPE, probes.request(ACTIONS).GET(), REFUSED);
        probes.send(CONTENT_TYPE, probes.request(ACTIONS).POST(BodyPublishers.ofString("{}")), REFUSED);
        probes.send(ENCODING, bytes(ACTIONS, "application/json", new byte[] {'{', '"', 'u', (byte) 0xC3, 0x28, '"', ':', '1', '}'}),
                REFUSED);
        probes.send(ENCODING, json(ACTIONS, "{\"user_id\":\"\\ud800\\u0000\",\"context\":{}}"), REFUSED);
        // Forged: another user pressing the keeper's button, or any field of its context changed.
        probes.send(FORGED, press(victim.mattermostUserId(), pendingContext), REFUSED);
        probes.send(FORGED, press(mallory.mattermostUserId(), pendingContext), REFUSED);
        for (String[] change : new String[][] {{"action", "disconnect"}, {"user_id", victim.mattermostUserId()},
                {"expires", "99999999999"}, {"mac", "AAAA"}, {"mac", ""}}) {
            var tampered = ((tools.jackson.databind.node.ObjectNode) pendingContext).deepCopy();
            tampered.put(change[0], change[1]);
            probes.send(FORGED, press(keeper.mattermostUserId(), tampered), REFUSED);
        }
        probes.send(FORGED, press(victim.mattermostUserId(), java.util.Map.of("action", "disconnect", "user_id",
                victim.mattermostUserId(), "expires", "99999999999", "mac", "forged")), REFUSED);
        // Replayed: the keeper's button that was already pressed does what it did, nothing more.
        probes.send(FORGED, press(keeper.mattermostUserId(), usedContext), ANSWERED);
        for (String hostile : List.of("' OR '1'='1", "<script>alert(1)</script>", "@channel", "x'); DROP TABLE account_link;--")) {
            probes.send(INJECTION, press(hostile, java.util.Map.of("action", hostile, "user_id", hostile, "expires", hostile,
                    "mac", hostile)), REFUSED);
        }
        probes.assertAllAsExpected();
    }

    // ---- the settings-dialog endpoint -------------------------------------------------------

    private static HttpRequest.Builder submit(String userId, String state) throws Exception {
        return json(DIALOGS, tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(java.util.Map.of(
                "type", "dialog_submission", "callback_id", "settings", "state", state, "user_id", userId,
                "submission", java.util.Map.of("notifications", false), "cancelled", false)));
    }

    @Test
    @Order(6)
    void theSettingsDialogEndpoint() throws Exception {
        for (String body : List.of("", "{", "[]", "null", "{\"user_id\":5}", "{\"user_id\":\"x\",\"state\":")) {
            probes.send(MALFORMED, json(DIALOGS, body), REFUSED);
        }
        probes.send(HUGE, json(DIALOGS, "{\"user_id\":\"" + "u".repeat(40_000) + "\"}"), REFUSED);
        probes.send(NESTING, json(DIALOGS, nested(10_000)), REFUSED);
        probes.send(CONTENT_TYPE, bytes(DIALOGS, "text/plain", "{}".getBytes(StandardCharsets.UTF_8)), REFUSED);
        probes.send(CONTENT_TYPE, probes.request(DIALOGS).GET(), REFUSED);
        probes.send(ENCODING, json(DIALOGS, "{\"user_id\":\"\\ud800\\u0000\",\"state\":\"x\"}"), REFUSED);
        world.command(keeper.mattermostUserId(), "settings");
        String state = bridge.harness().chat().dialogs(keeper.mattermostUserId()).getLast().path("dialog").path("state").asString();
        String[] parts = state.split(":");
        probes.send(FORGED, submit(victim.mattermostUserId(), state), REFUSED);
        probes.send(FORGED, submit(victim.mattermostUserId(), String.join(":", parts[0], victim.mattermostUserId(), parts[2], parts[3])),
                REFUSED);
        probes.send(FORGED, submit(keeper.mattermostUserId(), String.join(":", parts[0], parts[1], "99999999999", parts[3])), REFUSED);
        probes.send(FORGED, submit(keeper.mattermostUserId(), ""), REFUSED);
        for (String hostile : List.of("' OR '1'='1", "<script>alert(1)</script>", "x'); DROP TABLE preference;--")) {
            probes.send(INJECTION, submit(hostile, hostile + ":" + hostile + ":" + hostile + ":" + hostile), REFUSED);
        }
        probes.assertAllAsExpected();
    }

    // ---- actuator and everything else ------------------------------------------------------

    @Test
    @Order(4)
    void theActuatorAndUnknownPaths() {
        for (String path : List.of("/actuator/env", "/actuator/heapdump", "/actuator/threaddump", "/actuator/beans", "/actuator/configprops",
                "/actuator/loggers", "/actuator/shutdown", "/actuator/health/..%2f..%2fenv", "/actuator/mappings", "/bridge/admin",
                "/.git/config", "/WEB-INF/web.xml", "/error", "/h2-console")) {
            probes.send(FORGED, probes.request(path), REFUSED);
        }
        probes.send(CONTENT_TYPE, probes.request("/actuator/shutdown").POST(BodyPublishers.noBody()), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/actuator/loggers/io.teamsbridge").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"configuredLevel\":\"TRACE\"}")), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/actuator/health").POST(BodyPublishers.ofString("{}")), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/actuator/health").DELETE(), REFUSED);
        probes.send(CONTENT_TYPE, probes.request("/actuator/health").header("Accept", "application/xml"), REFUSED);
        probes.get(MALFORMED, "/actuator/health?%zz=1", REFUSED_OR_ANSWERED);
        probes.send(HUGE, probes.request("/actuator/health").header("X-Big", "h".repeat(20_000)), REFUSED);
        probes.send(HUGE, probes.request("/actuator/health/" + "a/".repeat(3000)), REFUSED);
        probes.send(NESTING, probes.request("/actuator/health/readiness/" + "x/".repeat(50)), REFUSED);
        probes.send(ENCODING, probes.request("/actuator/health/%C3%28"), REFUSED);
        probes.send(ENCODING, probes.request("/actuator/prometheus?name%5B%5D=%ED%A0%80"), REFUSED_OR_ANSWERED);
        probes.send(INJECTION, probes.request("/actuator/health/" + enc("<script>alert(1)</script>")), REFUSED);
        probes.send(INJECTION, probes.request("/actuator/prometheus").header("Accept", "text/html,<script>"), REFUSED_OR_ANSWERED);
        probes.send(ANSWERED_HEALTH, probes.request("/actuator/health"), ANSWERED);
        probes.sendRaw(MALFORMED, "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII), REFUSED);
        probes.sendRaw(MALFORMED, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header\r\n\r\n".getBytes(StandardCharsets.US_ASCII), REFUSED);
        ByteArrayOutputStream nul = new ByteArrayOutputStream();
        nul.writeBytes("GET /actuator/health\0 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        probes.sendRaw(ENCODING, nul.toByteArray(), REFUSED);
        probes.assertAllAsExpected();
    }

    private static final String ANSWERED_HEALTH = "health checks (the documented success)";

    // ---- afterwards -------------------------------------------------------------------------

    @Test
    @Order(100)
    void afterwardsNothingStoredChangedAndAGenuineMessageIsDelivered() throws Exception {
        StoredState after = StoredState.of(jdbc());
        int changes = after.changesSince(before);
        probes.write(Path.of("target", "hostile-suite-" + io.teamsbridge.testing.TestDatabase.selectedKind() + ".md"), changes);
        System.out.println("Hostile-input suite (" + probes.sent() + " requests):\n" + probes.table(changes));
        assertThat(changes).as("stored rows changed by hostile requests:\n" + after.describeChangesSince(before)).isZero();
        assertThat(bridge.harness().chat().botPosts(victim.mattermostUserId())).hasSize(victimPostsBefore);
        probes.assertAllAsExpected();

        String hostileText = "genuine-after-the-suite @channel @all &lt;script&gt;alert(1)&lt;/script&gt; "
                + "'; DROP TABLE delivery;-- [x](javascript:alert(1))";
        world.say(chat, sender, "<p>" + hostileText + "</p>");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                world.notifications(victim).stream().anyMatch(p -> p.path("message").asString().contains("genuine-after-the-suite")));
        JsonNode post = world.notifications(victim).stream()
                .filter(p -> p.path("message").asString().contains("genuine-after-the-suite")).findFirst().orElseThrow();
        String message = post.path("message").asString();
        assertHarmless(message);
        assertThat(message).contains("DROP TABLE delivery");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM delivery").query(Long.class).single()).isPositive();
    }
}
