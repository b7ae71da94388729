package io.teamsbridge.mattermost;

import io.teamsbridge.mattermost.ButtonHandler.ButtonReply;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Mattermost sends a pressed button ({@link Buttons}): only a context the bridge signed, for
 * the presser and not expired, acts. An answer that replaces the message removes its buttons, so
 * a confirmation is gone once used.
 */
@RestController
class ButtonController {
    private static final Logger log = LoggerFactory.getLogger(ButtonController.class);

    private final Buttons buttons;
    private final ButtonHandler handler;

    ButtonController(Buttons buttons, ButtonHandler handler) {
        this.buttons = buttons;
        this.handler = handler;
    }

    @PostMapping(path = Buttons.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> pressed(HttpServletRequest request) throws IOException {
        IntegrationRequests.Read read = IntegrationRequests.read(request, "ephemeral_text");
        if (read.refusal() != null) {
            return read.refusal();
        }
        String userId = read.userId();
        return switch (buttons.check(read.json().path("context"), userId)) {
            case Buttons.Check.Forged forged -> {
                log.warn("Refused a button action in the name of Mattermost user {}: {}.", IntegrationRequests.safe(userId),
                        forged.reason());
                yield IntegrationRequests.refuse(HttpStatus.FORBIDDEN, "ephemeral_text", "This button is not valid for you.");
            }
            case Buttons.Check.Expired expired -> ResponseEntity.ok(answer(ButtonReply.tell(
                    "This button has expired, so nothing was done. Run the command again.")));
            case Buttons.Check.Valid valid -> ResponseEntity.ok(answer(handler.pressed(new ButtonHandler.Press(valid.action(), userId,
                    IntegrationRequests.text(read.json(), "channel_id", 64).orElse(""),
                    IntegrationRequests.text(read.json(), "trigger_id", 2048).orElse("")))));
        };
    }

    private static Map<String, Object> answer(ButtonReply reply) {
        Map<String, Object> body = new HashMap<>();
        if (reply.replacement() != null) {
            // New props without attachments (the buttons go with the old message), unless the reply brings its own.
            body.put("update", Map.of("message", reply.replacement(), "props", reply.replacementProps() != null
                    ? reply.replacementProps() : Map.of(Confirmations.KIND_PROP, "confirmation")));
        }
        if (reply.ephemeral() != null) {
            body.put("ephemeral_text", reply.ephemeral());
        }
        return body;
    }
}
