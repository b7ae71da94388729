package io.teamsbridge.mattermost;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.store.TeamCommand;
import io.teamsbridge.store.TeamCommandRepository;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The slash command's endpoint. Mattermost sends the team's command token in the form and as
 * {@code Authorization: Token …}; it is compared in constant time with the token stored for that
 * team. A request without a token gets 401, one for an unknown team or with a wrong token 403, and
 * neither reaches the handler. The token proves only that the request is for that team, not who
 * sent it: the handler tells users about themselves privately and asks them to confirm changes,
 * and its answer here says nothing about them.
 */
@RestController
class SlashCommandController {
    private static final Logger log = LoggerFactory.getLogger(SlashCommandController.class);
    private static final int MAX_TEXT = 1000;

    private final TeamCommandRepository commands;
    private final SecretVault vault;
    private final SlashCommandHandler handler;

    SlashCommandController(TeamCommandRepository commands, SecretVault vault, SlashCommandHandler handler) {
        this.commands = commands;
        this.vault = vault;
        this.handler = handler;
    }

    @PostMapping(path = CommandRegistrar.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> command(@RequestParam MultiValueMap<String, String> fields,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        String token = Optional.ofNullable(fields.getFirst("token")).filter(t -> !t.isBlank())
                .or(() -> Optional.ofNullable(authorization).filter(a -> a.regionMatches(true, 0, "Token ", 0, 6))
                        .map(a -> a.substring(6).trim()))
                .orElse(null);
        String teamId = fields.getFirst("team_id");
        if (token == null) {
            return reject(HttpStatus.UNAUTHORIZED, "This endpoint only answers Mattermost slash commands; the command token is missing.");
        }
        Optional<TeamCommand> registered = teamId == null ? Optional.empty() : commands.find(teamId);
        if (registered.isEmpty() || !Tokens.constantTimeEquals(token,
                vault.open(registered.get().tokenSealed(), TeamCommand.vaultContext(teamId)))) {
            log.warn("Refused a slash-command request for team {}: {}.", loggable(teamId),
                    registered.isEmpty() ? "no command is registered for that team" : "its token does not match");
            return reject(HttpStatus.FORBIDDEN, "The command token is not valid for this team.");
        }
        String userId = fields.getFirst("user_id");
        if (userId == null || userId.isBlank()) {
            return reject(HttpStatus.BAD_REQUEST, "The request names no user_id.");
        }
        String text = Optional.ofNullable(fields.getFirst("text")).orElse("");
        String reply = text.length() > MAX_TEXT
                ? "That is too long for a `/msteams` command. Type `/msteams help` for the commands."
                : handler.handle(new CommandInvocation(teamId, fields.getFirst("channel_id"), userId,
                        fields.getFirst("user_name"), text, fields.getFirst("trigger_id")));
        return ResponseEntity.ok(Map.of("response_type", "ephemeral", "text", reply));
    }

    /** The team id as it may appear in a log line: anyone can send one, so only Mattermost's id shape is written. */
    private static String loggable(String teamId) {
        return teamId != null && teamId.matches("[a-z0-9]{26}") ? teamId : "(malformed id)";
    }

    private static ResponseEntity<Map<String, String>> reject(HttpStatus status, String text) {
        return ResponseEntity.status(status).body(Map.of("response_type", "ephemeral", "text", text));
    }
}
