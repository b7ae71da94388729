package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Long messages become several posts, each within Mattermost's limit counted in code points. */
class SplittingTest {
    private static final int MAX = 1000;
    private final NotificationRenderer renderer = new NotificationRenderer(MAX);

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }

    private List<String> posts(String html) {
        List<String> posts = renderer.render(Fixtures.html(html), Fixtures.oneOnOne());
        assertThat(posts).allSatisfy(p -> assertThat(runes(p)).isLessThanOrEqualTo(MAX));
        return posts;
    }

    @Test
    void splitsAtParagraphsAndMarksContinuations() {
        String html = IntStream.range(0, 40).mapToObj(i -> "<p>Paragraph " + i + " " + "lorem ipsum ".repeat(6) + "end.</p>")
                .reduce("", String::concat);
        List<String> posts = posts(html);
        int n = posts.size();
        assertThat(n).isBetween(3, 6);
        assertThat(posts.getFirst()).startsWith("**Alice Archer** sent you a message in Microsoft Teams\n\nParagraph 0 ")
                .endsWith("\n\n*(continues in part 2 of " + n + ")*");
        for (int i = 1; i < n; i++) {
            assertThat(posts.get(i)).startsWith("*(continued, part " + (i + 1) + " of " + n + ")*\n\nParagraph ");
        }
        assertThat(posts.getLast()).endsWith("end.\n\n[Open in Microsoft Teams](https://teams.microsoft.com/l/message/"
                + "19%3A2da4c29f6d7041eca70b638b43d45437%40thread.v2/1616964509832?context=%7B%22contextType%22%3A%22chat%22%7D)");
        String all = String.join("\n", posts);
        for (int i = 0; i < 40; i++) {
            // Every paragraph whole, in one part.
            assertThat(all).contains("Paragraph " + i + " " + "lorem ipsum ".repeat(6) + "end.");
        }
    }

    @Test
    void countsCodePointsNotCharsAsMattermostCountsRunes() {
        String html = IntStream.range(0, 30).mapToObj(i -> "<p>" + "😀".repeat(150) + "</p>").reduce("", String::concat);
        List<String> posts = posts(html);
        assertThat(posts).anySatisfy(p -> assertThat(p.length()).isGreaterThan(MAX));
        assertThat(String.join("", posts).codePoints().filter(c -> c == 0x1F600).count()).isEqualTo(4500);
    }

    @Test
    void longParagraphSplitsBetweenLines() {
        String html = "<p>" + IntStream.range(0, 100).mapToObj(i -> "line " + i + " of the poem").reduce((a, b) -> a + "<br>" + b).orElseThrow() + "</p>";
        List<String> posts = posts(html);
        assertThat(posts).hasSizeGreaterThan(1);
        List<String> lines = posts.stream().flatMap(String::lines).toList();
        for (int i = 0; i < 100; i++) {
            assertThat(lines).contains("line " + i + " of the poem");
        }
    }

    @Test
    void oneEndlessWordIsCutHard() {
        String word = "q".repeat(4000);
        List<String> posts = posts("<p>" + word + "</p>");
        assertThat(posts.stream().mapToLong(p -> p.chars().filter(c -> c == 'q').count()).sum()).isEqualTo(4000);
    }

    @Test
    void longSentenceIsCutBetweenWords() {
        List<String> posts = posts("<p>" + "word ".repeat(800) + "</p>");
        assertThat(posts).allSatisfy(p -> assertThat(p).doesNotContainPattern("wor(?!d)|(?<!wor)d "));
    }

    @Test
    void codeBlockCutAcrossPostsIsClosedAndReopened() {
        String code = IntStream.range(0, 120).mapToObj(i -> "System.out.println(" + i + ");").reduce((a, b) -> a + "<br>" + b).orElseThrow();
        List<String> posts = posts("<p>Code:</p><codeblock class=\"language-java\"><code>" + code + "</code></codeblock><p>Done.</p>");
        assertThat(posts).hasSizeGreaterThan(2);
        for (String post : posts) {
            long fences = post.lines().filter(l -> l.startsWith("```")).count();
            assertThat(fences).as(post).isEven();
        }
        assertThat(posts.get(1)).contains("\n\n```java\nSystem.out.println(");
        String all = String.join("\n", posts);
        for (int i = 0; i < 120; i++) {
            assertThat(all).contains("System.out.println(" + i + ");");
        }
    }

    @Test
    void manyPartsAreNumberedAndStillFit() {
        List<String> posts = posts(IntStream.range(0, 300).mapToObj(i -> "<p>Item " + i + " " + "filler ".repeat(12) + "</p>").reduce("", String::concat));
        assertThat(posts.size()).isGreaterThanOrEqualTo(10);
        assertThat(posts.get(9)).startsWith("*(continued, part 10 of " + posts.size() + ")*");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void aMessageThatJustFitsStaysOnePost(int over) {
        String header = "**Alice Archer** sent you a message in Microsoft Teams\n\n";
        String link = "\n\n" + NotificationRendererTest.LINK;
        int room = MAX - header.length() - link.length();
        List<String> posts = renderer.render(Fixtures.text("y".repeat(room - 1 + over)), Fixtures.oneOnOne());
        assertThat(posts).hasSize(over <= 1 ? 1 : 2);
        assertThat(posts).allSatisfy(p -> assertThat(runes(p)).isLessThanOrEqualTo(MAX));
    }
}
