package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.render.FetchedContent.Snippet;
import org.junit.jupiter.api.Test;

/** Long code snippets are cut at a line end, and say how many lines are left out. */
class SnippetCutTest {
    @Test
    void shortCodeIsWhole() {
        assertThat(ContentFetcher.cut("a\r\nb\n", 200)).isEqualTo(new Snippet("a\nb\n", 0));
    }

    @Test
    void longCodeIsCutAtALineEnd() {
        String code = "line\n".repeat(100); // 500 characters, 100 lines
        Snippet cut = ContentFetcher.cut(code, 52);

        assertThat(cut.code()).isEqualTo("line\n".repeat(9) + "line");
        assertThat(cut.omittedLines()).isEqualTo(90);
    }

    @Test
    void oneLongLineIsCutWithinItWithoutSplittingACharacter() {
        String code = "x".repeat(199) + "😀" + "y".repeat(50);
        Snippet cut = ContentFetcher.cut(code, 200);

        assertThat(cut.code()).isEqualTo("x".repeat(199));
        assertThat(cut.omittedLines()).isEqualTo(1);
    }
}
