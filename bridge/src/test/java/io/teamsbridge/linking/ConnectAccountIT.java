package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.Browser;
import io.teamsbridge.testing.SignInPageForm;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting, and each way PRODUCT.md says connecting fails — with what the user sees and what is stored. */
class ConnectAccountIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private World world() {
        return bridge.world();
    }

    private AccountLinkRepository links() {
        return bridge.harness().bean(AccountLinkRepository.class);
    }

    private void assertNotConnected(Person person) {
        assertThat(links().findByMattermostUser(person.mattermostUserId())).isEmpty();
        assertThat(links().findByTeamsUser(person.teamsUserId())).isEmpty();
        assertThat(world().command(person.mattermostUserId(), "status")).startsWith("You are not connected");
    }

    @Test
    void connectingWithTheMatchingAccountConnectsAndTheBotWelcomesTheUser() {
        Person alice = world().person("alice");
        HttpResponse<String> page = world().followAs(world().connectLink(alice), alice.teamsUserId());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/oauth/callback");
        assertThat(page.body()).contains("Connected to Microsoft Teams", alice.username() + " Teams", alice.email());
        assertThat(world().command(alice.mattermostUserId(), "status")).startsWith("You are connected to Microsoft Teams as");
        AccountLink link = links().findByMattermostUser(alice.mattermostUserId()).orElseThrow();
        assertThat(link.teamsUserId()).isEqualTo(alice.teamsUserId());
        assertThat(link.email()).isEqualTo(alice.email());
        assertThat(link.active()).isTrue();
        assertThat(bridge.harness().chat().botPosts(alice.mattermostUserId()))
                .singleElement()
                .satisfies(post -> assertThat(post.path("message").asString())
                        .contains("You're connected to Microsoft Teams")
                        .contains("/msteams settings")
                        .contains("/msteams disconnect"))
                .satisfies(post -> assertThat(post.path("props").path("attachments").get(0).path("actions").valueStream()
                        .map(a -> a.path("name").asString()).toList()).containsExactly("Settings", "Disconnect"));
    }

    @Test
    void signingInThroughTheSignInPageWorksToo() {
        Person bea = world().person("bea");
        bridge.harness().teams().clearSession();
        Browser browser = new Browser();
        HttpResponse<String> signIn = browser.connect(world().connectLink(bea));
        assertThat(signIn.body()).contains("Sign in");
        SignInPageForm form = new SignInPageForm(signIn.uri(), signIn.body()).pick(bea.teamsUserId());

        HttpResponse<String> page = browser.postForm(form.action(), form.body("accept"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connected to Microsoft Teams");
        assertThat(links().findByMattermostUser(bea.mattermostUserId())).isPresent();
    }

    @Test
    void theUserPrincipalNameCountsWhenTheAccountHasNoMail() {
        Person cy = world().personWithoutTeamsMail("cy");
        HttpResponse<String> page = world().followAs(world().connectLink(cy), cy.teamsUserId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connected to Microsoft Teams");
        assertThat(links().findByTeamsUser(cy.teamsUserId())).isPresent();
    }

    @Test
    void aMicrosoftAccountWithAnotherEmailIsRefusedAndNothingIsStored() {
        Person dan = world().personWithEmails("dan", "dan@example.com", "daniel@contoso.example");
        HttpResponse<String> page = world().followAs(world().connectLink(dan), dan.teamsUserId());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("Your Microsoft account&#39;s email does not match your Mattermost email")
                .contains("daniel@contoso.example")
                .contains("dan@example.com")
                .contains("Nothing was connected");
        assertNotConnected(dan);
        assertThat(bridge.harness().chat().botPosts(dan.mattermostUserId())).isEmpty();
    }

    @Test
    void aTeamsAccountConnectedToAnotherMattermostAccountIsRefused() {
        Person eve = world().person("eve");
        // An earlier connection of the same Teams account, made by another Mattermost account.
        Instant now = Instant.now();
        links().connect(new AccountLink("othermattermostuser00000000", eve.teamsUserId(), eve.email(), "Eve", eve.email(),
                "v1.00000000.AAAA", now, now, now, AccountLink.Status.ACTIVE, null, null));

        HttpResponse<String> page = world().followAs(world().connectLink(eve), eve.teamsUserId());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This Teams account is already connected to another Mattermost account");
        assertThat(links().findByMattermostUser(eve.mattermostUserId())).isEmpty();
        assertThat(links().findByTeamsUser(eve.teamsUserId()).orElseThrow().mattermostUserId())
                .isEqualTo("othermattermostuser00000000");
    }

    @Test
    void cancellingTheSignInConnectsNothing() {
        Person fay = world().person("fay");
        bridge.harness().teams().clearSession();
        Browser browser = new Browser();
        HttpResponse<String> signIn = browser.connect(world().connectLink(fay));
        SignInPageForm form = new SignInPageForm(signIn.uri(), signIn.body()).pick(fay.teamsUserId());

        HttpResponse<String> page = browser.postForm(form.action(), form.body("cancel"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.uri().getPath()).isEqualTo("/oauth/callback");
        assertThat(page.body()).contains("You cancelled the sign-in").contains("Run /msteams connect");
        assertNotConnected(fay);
    }

    @Test
    void anErrorFromMicrosoftIsShownAndConnectsNothing() throws Exception {
        Person gus = world().person("gus");
        String link = world().connectLink(gus);
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        assertThat(pressContinue(noRedirects, link).statusCode()).isEqualTo(303);
        String state = link.substring(link.indexOf("state=") + 6);

        HttpResponse<String> page = noRedirects.send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl()
                + "/oauth/callback?state=" + state + "&error=temporarily_unavailable&error_description="
                + "AADSTS90033%3A+A+transient+error+has+occurred.")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Microsoft could not sign you in (temporarily_unavailable)")
                .contains("AADSTS90033: A transient error has occurred.");
        assertNotConnected(gus);
    }

    @Test
    void aLinkWorksOnce() {
        Person hal = world().person("hal");
        String link = world().connectLink(hal);
        assertThat(world().followAs(link, hal.teamsUserId()).statusCode()).isEqualTo(200);
        world().commandConfirmed(hal.mattermostUserId(), "disconnect");

        HttpResponse<String> again = world().followAs(link, hal.teamsUserId());

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This connect link was used already or has expired");
        assertNotConnected(hal);
    }

    @Test
    void aLinkOpenedInOneBrowserCannotBeOpenedInAnother() throws Exception {
        Person ida = world().person("ida");
        String link = world().connectLink(ida);
        HttpClient first = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        assertThat(pressContinue(first, link).statusCode()).isEqualTo(303);

        HttpResponse<String> second = world().followAs(link, ida.teamsUserId());

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("used already or has expired");
        assertNotConnected(ida);
    }

    @Test
    void aSignInFinishedInAnotherBrowserIsRefused() throws Exception {
        Person jo = world().person("jo");
        bridge.harness().teams().setSession(jo.teamsUserId());
        String link = world().connectLink(jo);
        HttpClient opener = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> toMicrosoft = pressContinue(opener, link);
        HttpResponse<String> fromMicrosoft = opener.send(HttpRequest.newBuilder(
                URI.create(toMicrosoft.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = fromMicrosoft.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> page = new Browser().open(callback);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("finished in a different browser");
        assertNotConnected(jo);
    }

    @Test
    void anExpiredLinkIsRefused() {
        Person kim = world().person("kim");
        String link = world().connectLink(kim);
        bridge.harness().clock().advance(Duration.ofMinutes(11));

        HttpResponse<String> page = world().followAs(link, kim.teamsUserId());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This connect link was used already or has expired");
        assertNotConnected(kim);
    }

    @Test
    void aForgedOrMissingStateIsRefused() {
        Browser browser = new Browser();
        HttpResponse<String> unknown = browser.open(bridge.harness().bridgeUrl() + "/connect?state=forged");
        HttpResponse<String> missing = browser.open(bridge.harness().bridgeUrl() + "/oauth/callback?code=abc");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("This connect link is not valid");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("did not come from a connect link");
    }

    /** Opens the link's confirm page and presses Continue, without following the redirect to Microsoft. */
    private static HttpResponse<String> pressContinue(HttpClient client, String link) throws Exception {
        HttpResponse<String> confirm = client.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirm.statusCode()).isEqualTo(200);
        String state = link.substring(link.indexOf("state=") + "state=".length());
        return client.send(HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("state=" + state)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
