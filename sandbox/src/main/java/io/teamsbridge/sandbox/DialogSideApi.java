package io.teamsbridge.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Interactive dialogs on the sandbox page: the ones the bridge opened for a person (through the
 * Mattermost emulator, as the real server shows them), and their submission, whose per-field
 * errors the page shows under each field as Mattermost does.
 */
@RestController
@RequestMapping("/sandbox/api/mattermost/dialogs")
class DialogSideApi {
    /** One field of a dialog, as the page draws it. */
    record Element(String name, String displayName, String type, String subtype, String defaultValue, String placeholder,
            String helpText, boolean optional, List<Option> options) {}

    record Option(String text, String value) {}

    record Dialog(String id, String title, String introduction, String submitLabel, List<Element> elements) {}

    record Submission(Map<String, Object> submission, boolean cancelled) {}

    /** What the bridge answered: closed, or still open with a message per field or for the whole dialog. */
    record Outcome(int status, boolean closed, Map<String, String> errors, String error) {}

    private final SandboxBackends backends;

    DialogSideApi(SandboxBackends backends) {
        this.backends = backends;
    }

    @GetMapping
    List<Dialog> open(@RequestParam String userId) {
        List<Dialog> open = new ArrayList<>();
        for (JsonNode d : backends.mattermost().dialogs(userId)) {
            JsonNode dialog = d.path("dialog");
            List<Element> elements = new ArrayList<>();
            for (JsonNode e : dialog.path("elements")) {
                List<Option> options = new ArrayList<>();
                e.path("options").forEach(o -> options.add(new Option(o.path("text").asString(""), o.path("value").asString(""))));
                elements.add(new Element(e.path("name").asString(""), e.path("display_name").asString(""),
                        e.path("type").asString("text"), e.path("subtype").asString(""), e.path("default").asString(""),
                        e.path("placeholder").asString(""), e.path("help_text").asString(""), e.path("optional").asBoolean(false), options));
            }
            open.add(new Dialog(d.path("id").asString(), dialog.path("title").asString(""),
                    dialog.path("introduction_text").asString(""), dialog.path("submit_label").asString("Submit"), elements));
        }
        return open;
    }

    @PostMapping("/{dialogId}/submit")
    Outcome submit(@PathVariable String dialogId, @RequestBody Submission body) {
        Map<String, Object> submission = body.submission() == null ? Map.of() : body.submission();
        var result = backends.mattermost().submitDialog(dialogId, submission, body.cancelled());
        JsonNode response = result.response();
        Map<String, String> errors = new LinkedHashMap<>();
        response.path("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue().asString("")));
        String error = response.path("error").asString("");
        if (result.status() != 200 && error.isEmpty()) {
            error = response.path("message").asString("The integration could not take the dialog.");
        }
        return new Outcome(result.status(), errors.isEmpty() && error.isEmpty(), errors, error);
    }
}
