package io.teamsbridge.bench.jmh;

import io.teamsbridge.bench.Bodies;
import io.teamsbridge.render.ChatKind;
import io.teamsbridge.render.NotificationContext;
import io.teamsbridge.render.NotificationRenderer;
import io.teamsbridge.render.TeamsAttachment;
import io.teamsbridge.render.TeamsMention;
import io.teamsbridge.render.TeamsMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The time to turn one Teams message into the Mattermost post text, per body shape. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RendererBenchmark {
    static final String MENTIONS = "<p><at id=\"0\">Adele</at> and <at id=\"1\">Megan</at>: the "
            + "<a href=\"https://dev.azure.com/contoso/_git/api/pullrequest/42\">PR 42</a> is ready.</p>"
            + "<attachment id=\"7c1e\"></attachment>";

    @Param({"plain", "formatted", "list", "code", "mentions+file"})
    public String body;

    private NotificationRenderer renderer;
    private TeamsMessage message;
    private NotificationContext context;

    @Setup
    public void setUp() {
        renderer = new NotificationRenderer(NotificationRenderer.DEFAULT_MAX_POST_RUNES);
        String html = switch (body) {
            case "plain" -> Bodies.PLAIN;
            case "formatted" -> Bodies.FORMATTED;
            case "list" -> Bodies.LIST;
            case "code" -> Bodies.CODE;
            default -> MENTIONS;
        };
        List<TeamsMention> mentions = body.equals("mentions+file")
                ? List.of(new TeamsMention(0, "Adele", "u-adele"), new TeamsMention(1, "Megan", "u-megan"))
                : List.of();
        List<TeamsAttachment> attachments = body.equals("mentions+file")
                ? List.of(new TeamsAttachment("7c1e", "reference",
                        "https://contoso.sharepoint.com/sites/team/Shared%20Documents/spec.docx", null, "spec.docx"))
                : List.of();
        message = new TeamsMessage("1712345678901", "19:abc@thread.v2", "html", html, mentions, attachments);
        context = new NotificationContext("Adele Vance", ChatKind.GROUP, "Release train", 4,
                "https://teams.microsoft.com", java.util.Map.of("u-megan", "megan"));
    }

    @Benchmark
    public List<String> render() {
        return renderer.render(message, context);
    }
}
