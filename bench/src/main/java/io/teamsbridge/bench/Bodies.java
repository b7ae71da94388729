package io.teamsbridge.bench;

import java.util.List;

/** Teams HTML message bodies of the shapes people send: plain, formatted, a list with a link, code. */
public final class Bodies {
    public static final String PLAIN = "<p>Can you have a look at the release notes before lunch?</p>";
    public static final String FORMATTED = "<p>The <strong>deploy</strong> of <em>billing-api</em> is done. "
            + "Dashboards: <a href=\"https://grafana.example.com/d/abc?orgId=1\">Grafana</a>. "
            + "Ping me if <span style=\"color:red\">errors</span> go up.</p>";
    public static final String LIST = "<div><p>Agenda for tomorrow:</p><ul><li>Q3 numbers</li>"
            + "<li>Hiring <b>plan</b></li><li>Offsite &amp; travel</li></ul>"
            + "<p>Notes in <a href=\"https://contoso.sharepoint.com/sites/team/notes.docx\">notes.docx</a></p></div>";
    public static final String CODE = "<p>It fails with:</p><pre><code>java.lang.IllegalStateException: pool exhausted\n"
            + "    at com.example.Pool.take(Pool.java:42)\n    at com.example.Worker.run(Worker.java:17)</code></pre>"
            + "<p>any idea? <emoji id=\"1f914_thinkingface\" alt=\"🤔\" title=\"Thinking\"></emoji></p>";
    public static final List<String> ALL = List.of(PLAIN, FORMATTED, LIST, CODE);

    private Bodies() {}

    /** Body {@code index} of the mix, with the marker appended in a paragraph of its own. */
    public static String withMarker(long index, String marker) {
        String body = ALL.get((int) (index % ALL.size()));
        return body + "<p>ref " + marker + "</p>";
    }
}
