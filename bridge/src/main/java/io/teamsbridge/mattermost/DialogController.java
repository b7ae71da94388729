package io.teamsbridge.mattermost;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Mattermost sends a submitted dialog ({@link Dialogs}). Only a state the bridge signed, for
 * the submitter and not expired, acts; an answer of {@code errors} keeps the dialog open with a
 * message under each field, an empty answer closes it.
 */
@RestController
class DialogController {
    private static final Logger log = LoggerFactory.getLogger(DialogController.class);

    private final Dialogs dialogs;
    private final DialogHandler handler;

    DialogController(Dialogs dialogs, DialogHandler handler) {
        this.dialogs = dialogs;
        this.handler = handler;
    }

    @PostMapping(path = Dialogs.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submitted(HttpServletRequest request) throws IOException {
        IntegrationRequests.Read read = IntegrationRequests.read(request, "error");
        if (read.refusal() != null) {
            return read.refusal();
        }
        if (read.json().path("cancelled").asBoolean(false)) {
            return ResponseEntity.ok(Map.of());
        }
        String userId = read.userId();
        String state = IntegrationRequests.text(read.json(), "state", 1024).orElse(null);
        return switch (dialogs.check(state, userId)) {
            case Dialogs.Check.Forged forged -> {
                log.warn("Refused a dialog submission in the name of Mattermost user {}: {}.", IntegrationRequests.safe(userId),
                        forged.reason());
                yield IntegrationRequests.refuse(HttpStatus.FORBIDDEN, "error", "This dialog is not valid for you.");
            }
            case Dialogs.Check.Expired expired -> ResponseEntity.ok(Map.of("error",
                    "This dialog was open too long, so nothing was saved. Open it again."));
            case Dialogs.Check.Valid valid -> {
                Map<String, String> errors = handler.submitted(valid.purpose(), userId, read.json().path("submission"));
                yield ResponseEntity.ok(errors.isEmpty() ? Map.of() : Map.of("errors", errors));
            }
        };
    }
}
