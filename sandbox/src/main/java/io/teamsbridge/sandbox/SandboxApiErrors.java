package io.teamsbridge.sandbox;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the page's endpoints answer what they cannot do: 400 and {@code {error}}, a sentence the page
 * shows as it is. Only the sandbox's own controllers are covered; malformed requests get Spring's
 * problem details like everywhere else in the bridge.
 */
@RestControllerAdvice(assignableTypes = {TeamsSideApi.class, MattermostSideApi.class, DialogSideApi.class, DecisionFeed.class})
class SandboxApiErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /**
     * The control clients throw this when an emulator refuses a call, with its reason. The emulators
     * run in this process, so a refusal means the request named something that does not exist.
     */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> refused(IllegalStateException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
