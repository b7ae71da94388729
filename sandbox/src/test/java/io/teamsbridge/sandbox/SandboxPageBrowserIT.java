package io.teamsbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The sandbox page in a real browser (Debian's headless Chromium), as a newcomer uses it: connect
 * two people through the emulated Microsoft sign-in page, set one Away in Teams, write to them
 * with formatting, and watch the notification arrive rendered on the Mattermost side; reply in its
 * thread there and see the reply in Teams; then set them Available, write again, and see nothing
 * new arrive and the log say why.
 */
@ExtendWith(SandboxPageBrowserIT.ScreenshotOnFailure.class)
class SandboxPageBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Sandbox sandbox;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install chromium chromium-driver");
        sandbox = Sandbox.start(SandboxOptions.parse("--port-bridge", "0", "--port-mattermost", "0", "--port-microsoft", "0"));
        // An explicit driver keeps Selenium Manager from looking for (and downloading) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        profile = Files.createTempDirectory("sandbox-browser-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,1000", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aFormattedMessageReachesAnAwayPersonAndAnAvailableOneIsLeftAlone() throws IOException {
        DemoWorld.DemoPerson alice = person("alice");
        DemoWorld.DemoPerson bob = person("bob");
        browser.get(sandbox.uiUrl().toString());
        waitFor().until(() -> !browser.findElements(By.cssSelector("#mm-user option")).isEmpty()
                && !browser.findElements(By.cssSelector("#teams-user option")).isEmpty());

        connect(alice);
        connect(bob);

        setPresence(bob, "Away");
        // Formatting as a person applies it: select what they typed, then press the button.
        String first = send(alice, "Release 1", Keys.chord(Keys.SHIFT, Keys.HOME), "fmt-bold", " is ready:" + Keys.ENTER
                + "release notes" + Keys.ENTER + "download links", Keys.chord(Keys.SHIFT, Keys.ARROW_UP, Keys.HOME), "fmt-list");

        new Select(browser.findElement(By.id("mm-user"))).selectByVisibleText("@bob");
        String rendered = waitFor().until(() -> postBodies(bob).stream().filter(html -> html.contains("download links")).findFirst()
                .orElse(null), java.util.Objects::nonNull);
        assertThat(rendered).contains("<strong>Release 1</strong>").contains("<li>release notes</li>")
                .contains("<li>download links</li>")
                .contains("Open in Microsoft Teams");
        waitFor().until(() -> !decisions("DELIVERED", "bob", first).isEmpty());

        // Bob answers in the chat's thread in Mattermost; the reply shows in Teams as his, and gets a check mark.
        WebElement replyBox = waitFor().until(() -> browser.findElements(By.cssSelector("#mm-posts .thread .reply-input")).stream()
                .findFirst().orElse(null), java.util.Objects::nonNull);
        replyBox.sendKeys("Thanks, **on it**" + Keys.ENTER);
        String answer = waitFor().until(() -> browser.findElements(By.cssSelector("#teams-transcript .msg[data-from='"
                + bob.teamsUserId() + "'] .msg-body")).stream().map(b -> b.getAttribute("innerHTML"))
                .filter(html -> html.contains("on it")).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(answer).contains("Thanks, <strong>on it</strong>");
        waitFor().until(() -> !browser.findElements(By.cssSelector("#mm-posts .thread .post.mine .reaction[data-emoji='white_check_mark']"))
                .isEmpty());
        int bobsPosts = postBodies(bob).size();

        setPresence(bob, "Available");
        String second = send(alice, "Release 2 is out, any questions",
                Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT,
                        Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT), "fmt-italic", "?");

        List<String> why = waitFor().until(() -> decisions("NOT_DELIVERED", "bob", second), l -> !l.isEmpty());
        assertThat(why.getFirst()).containsIgnoringCase("not delivered").contains("bob").contains("Available");
        // The decision is final; the page still gets a few refreshes to show anything that came anyway.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).ignoreException(StaleElementReferenceException.class)
                .until(() -> postBodies(bob).size() == bobsPosts
                        && postBodies(bob).stream().noneMatch(h -> h.contains("Release 2")));
        assertThat(new MattermostControlClient(sandbox.mattermostUrl()).botPosts(bob.mattermostUserId()))
                .noneMatch(p -> p.path("message").asString().contains("Release 2"));

        // A change is confirmed with the button the bot sends to the person's direct channel.
        WebElement input = browser.findElement(By.id("mm-command"));
        input.clear();
        input.sendKeys("/msteams notifications off");
        browser.findElement(By.id("mm-run")).click();
        pressLatest("confirm");
        waitFor().ignoreException(StaleElementReferenceException.class)
                .until(() -> postBodies(bob).stream().anyMatch(html -> html.contains("notifications are <strong>off</strong>")));

        // The settings dialog: notifications back on, and also while Busy; a Busy Bob then hears of Alice.
        browser.findElement(By.cssSelector("#mm-quick [data-command='/msteams settings']")).click();
        waitFor().until(() -> browser.findElement(By.id("mm-dialog")).isDisplayed());
        assertThat(browser.findElement(By.id("mm-dialog")).getText()).contains("Teams notifications").contains("Also while Busy");
        assertThat(browser.findElement(By.id("dlg-notifications")).isSelected()).as("notifications are off now").isFalse();
        browser.findElement(By.id("dlg-notifications")).click();
        browser.findElement(By.id("dlg-while_busy")).click();
        browser.findElement(By.id("mm-dialog-submit")).click();
        waitFor().until(() -> !browser.findElement(By.id("mm-dialog")).isDisplayed());
        waitFor().until(() -> postBodies(bob).stream().anyMatch(html -> html.contains("settings are saved") && html.contains("Busy")));

        setPresence(bob, "Busy");
        String third = send(alice, "Release 3 needs a sign-off");
        waitFor().until(() -> !decisions("DELIVERED", "bob", third).isEmpty());
        waitFor().until(() -> postBodies(bob).stream().anyMatch(html -> html.contains("Release 3 needs a sign-off")));

        // A pasted image and a code snippet arrive as an image and a code block.
        Path png = Path.of("target", "pasted-chart.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        java.awt.image.BufferedImage chart = new java.awt.image.BufferedImage(120, 60, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = chart.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 120, 60);
        g.setColor(new java.awt.Color(0x1c58d9));
        g.fillRect(10, 30, 20, 25);
        g.fillRect(45, 15, 20, 40);
        g.fillRect(80, 5, 20, 50);
        g.dispose();
        javax.imageio.ImageIO.write(chart, "png", png.toFile());
        new Select(browser.findElement(By.id("teams-user"))).selectByValue(alice.teamsUserId());
        browser.findElement(By.id("teams-image")).sendKeys(png.toString());
        waitFor().until(() -> browser.findElement(By.id("teams-pasted")).getText().contains("pasted-chart.png"));
        browser.findElement(By.id("teams-add-snippet")).click();
        browser.findElement(By.id("teams-snippet")).sendKeys("def total(xs):" + Keys.ENTER + "    return sum(xs)");
        String fourth = send(alice, "Q3 chart and the script behind it");
        waitFor().until(() -> !decisions("DELIVERED", "bob", fourth).isEmpty());
        WebElement image = waitFor().ignoreException(StaleElementReferenceException.class).until(() -> browser
                .findElements(By.cssSelector("#mm-posts .post-files img")).stream()
                .filter(img -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth === 120", img)))
                .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(image.getAttribute("alt")).endsWith(".png");
        assertThat(postBodies(bob).stream().filter(h -> h.contains("Q3 chart")).findFirst().orElseThrow())
                .contains("def total(xs):").contains("return sum(xs)").doesNotContain("hostedContents");

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sandbox-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Presses the newest button with this action id in the posts pane; the pane redraws, so a stale find is retried. */
    private static void pressLatest(String actionId) {
        waitFor().ignoreException(StaleElementReferenceException.class).until(() -> {
            List<WebElement> buttons = browser.findElements(By.cssSelector("#mm-posts .post-action[data-action-id='" + actionId + "']"));
            if (buttons.isEmpty()) {
                return false;
            }
            buttons.getLast().click();
            return true;
        });
    }

    /** Runs {@code /msteams connect} as the person, follows the link, and signs in as them. */
    private static void connect(DemoWorld.DemoPerson person) {
        new Select(browser.findElement(By.id("mm-user"))).selectByVisibleText("@" + person.username());
        String original = browser.getWindowHandle();
        // The bridge registers /msteams in the demo team at start; run again until the reply holds the link.
        WebElement link = waitFor().until(() -> {
            WebElement input = browser.findElement(By.id("mm-command"));
            input.clear();
            input.sendKeys("/msteams connect");
            browser.findElement(By.id("mm-run")).click();
            return waitFor().atMost(Duration.ofSeconds(5)).until(() -> {
                List<WebElement> replies = browser.findElements(By.cssSelector("#mm-replies .reply"));
                return replies.isEmpty() ? null : replies.getLast();
            }, java.util.Objects::nonNull).findElements(By.cssSelector("a[href*='/connect?state=']")).stream().findFirst()
                    .orElse(null);
        }, java.util.Objects::nonNull);
        Set<String> before = browser.getWindowHandles();
        link.click();
        String signIn = waitFor().until(() -> browser.getWindowHandles().stream().filter(h -> !before.contains(h))
                .findFirst().orElse(null), java.util.Objects::nonNull);
        browser.switchTo().window(signIn);
        waitFor().until(() -> !browser.findElements(By.id("continue")).isEmpty());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("@" + person.username());
        browser.findElement(By.id("continue")).click();
        waitFor().until(() -> !browser.findElements(By.id("accept")).isEmpty());
        browser.findElement(By.cssSelector("input[name=user_id][data-upn='" + person.email() + "']")).click();
        browser.findElement(By.id("accept")).click();
        String outcome = waitFor().until(() -> browser.findElements(By.cssSelector("main[data-outcome]")).stream()
                .map(m -> m.getAttribute("data-outcome")).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(outcome).as(browser.findElement(By.tagName("main")).getText()).isEqualTo("ok");
        browser.close();
        browser.switchTo().window(original);
        waitFor().until(() -> postBodies(person).stream().anyMatch(html -> html.contains("connected to Microsoft Teams")));
    }

    private static void setPresence(DemoWorld.DemoPerson person, String availability) {
        new Select(browser.findElement(By.id("teams-user"))).selectByValue(person.teamsUserId());
        waitFor().until(() -> browser.findElement(By.id("teams-user")).getAttribute("value").equals(person.teamsUserId()));
        new Select(browser.findElement(By.id("teams-presence"))).selectByValue(availability);
        waitFor().until(() -> !browser.findElements(By.cssSelector("#teams-people li[data-user-id='" + person.teamsUserId()
                + "'][data-availability='" + availability + "']")).isEmpty());
    }

    /**
     * Writes in the person's 1:1 chat and sends: each step is either typed (keys) or, when it names a
     * formatting button ({@code fmt-…}), a click on it. Returns the message id.
     */
    private static String send(DemoWorld.DemoPerson from, CharSequence... steps) {
        new Select(browser.findElement(By.id("teams-user"))).selectByValue(from.teamsUserId());
        String oneOnOne = sandbox.world().chats().stream().filter(c -> c.chatType().equals("oneOnOne")).findFirst()
                .orElseThrow().id();
        By transcript = By.cssSelector("#teams-transcript[data-user-id='" + from.teamsUserId() + "'][data-chat-id='"
                + oneOnOne + "']");
        waitFor().until(() -> !browser.findElements(transcript).isEmpty() || clickChat(oneOnOne));
        Set<String> before = sentIds(transcript);
        WebElement message = browser.findElement(By.id("teams-message"));
        message.clear();
        for (CharSequence step : steps) {
            if (step.toString().startsWith("fmt-")) {
                browser.findElement(By.id(step.toString())).click();
            } else {
                message.sendKeys(step);
            }
        }
        browser.findElement(By.id("teams-send")).click();
        return waitFor().until(() -> sentIds(transcript).stream().filter(id -> !before.contains(id)).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private static Set<String> sentIds(By transcript) {
        return browser.findElements(transcript).stream()
                .flatMap(t -> t.findElements(By.cssSelector(".msg.mine")).stream())
                .map(m -> m.getAttribute("data-message-id")).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean clickChat(String chatId) {
        browser.findElements(By.cssSelector("#teams-chats button[data-chat-id='" + chatId + "']")).forEach(WebElement::click);
        return false;
    }

    /** The bot's posts the page shows, once it shows the person's channel. */
    private static List<String> postBodies(DemoWorld.DemoPerson person) {
        return browser.findElements(By.cssSelector("#mm-posts[data-user-id='" + person.mattermostUserId() + "'] .post .post-body"))
                .stream()
                .map(b -> b.getAttribute("innerHTML")).toList();
    }

    private static List<String> decisions(String kind, String username, String messageId) {
        return browser.findElements(By.cssSelector("#decision-log li.decision[data-kind='" + kind + "'][data-user='"
                + username + "'][data-message-id='" + messageId + "']")).stream().map(WebElement::getText).toList();
    }

    private static DemoWorld.DemoPerson person(String username) {
        return sandbox.world().people().stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
    }

    private static ConditionFactory waitFor() {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreException(StaleElementReferenceException.class);
    }

    /** Keeps what the browser showed when a step failed: a screenshot and the page's HTML, in {@code target/}. */
    static final class ScreenshotOnFailure implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (browser != null) {
                try {
                    Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
                    String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                    Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
                    failure.addSuppressed(new AssertionError("The browser's screen is in " + dir.resolve(name + ".png")
                            .toAbsolutePath()));
                } catch (RuntimeException | IOException e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        }
    }
}
