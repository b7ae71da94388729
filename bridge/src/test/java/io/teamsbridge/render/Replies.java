package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Replies and the people they can mention, for the reply render tests. */
final class Replies {
    /** Alice and Carol are connected to Teams; Bob is not. */
    static final MentionDirectory PEOPLE = MentionDirectory.of(Map.of(
            "alice.archer", new MentionedUser("oid-alice", "Alice Archer"),
            "carol", new MentionedUser("oid-carol", "Carol <Ops> & Co"),
            "dave", new MentionedUser("oid-dave", " ")));

    /** One renderer for all tests: it keeps no state between calls. */
    private static final ReplyRenderer RENDERER = new ReplyRenderer();

    private Replies() {
    }

    static TeamsReply render(String markdown) {
        return RENDERER.render(markdown, PEOPLE);
    }

    /** The message a reply becomes; fails the test when it becomes none. */
    static TeamsReply.Ready ready(String markdown) {
        TeamsReply reply = render(markdown);
        String shown = markdown.length() > 80 ? markdown.substring(0, 80) + "…" : markdown;
        assertThat(reply).as("reply for %s", shown).isInstanceOf(TeamsReply.Ready.class);
        return (TeamsReply.Ready) reply;
    }

    static String html(String markdown) {
        return ready(markdown).content();
    }

    /**
     * The HTML parses as strict XML once its two void tags are closed: every tag closed in order,
     * every {@code &} an entity, no character XML forbids. An XML parser forgives nothing, unlike an
     * HTML parser, so this fails on what a lenient reader would silently repair.
     */
    static void assertWellFormed(String html) {
        String xml = "<root>" + html.replace("<br>", "<br/>").replace("<hr>", "<hr/>") + "</root>";
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + html, e);
        }
    }
}
