package io.teamsbridge.sandbox;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the page's endpoints answer what they cannot do: {@code {error}} with a sentence the page
 * shows as it is. Only the sandbox's own controllers are covered; the bridge keeps its answers.
 */
@RestControllerAdvice(assignableTypes = {TeamsSideApi.class, MattermostSideApi.class, DecisionFeed.class})
class SandboxApiErrors {
    private static final Logger log = LoggerFactory.getLogger(SandboxApiErrors.class);

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "the request body is not the JSON this call takes"));
    }

    /** The control clients throw this when an emulator refuses a call, with the emulator's reason. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> refused(IllegalStateException e) {
        log.info("Sandbox page call refused: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
}
