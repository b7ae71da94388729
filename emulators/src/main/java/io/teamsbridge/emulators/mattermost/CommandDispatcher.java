package io.teamsbridge.emulators.mattermost;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a slash command's fields to its URL as {@code DoCommandRequest}: form-encoded in a POST
 * body ("P") or appended to the query of a GET ("G"), with {@code Accept: application/json} and
 * {@code Authorization: Token <command token>}; then the {@link CommandResponseApplier} turns the
 * reply into what the user sees. An unreachable or timed-out URL is the server's "failed" error.
 */
final class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final IntegrationClient client;
    private final CommandResponseApplier applier;

    CommandDispatcher(IntegrationClient client, CommandResponseApplier applier) {
        this.client = client;
        this.applier = applier;
    }

    IntegrationResult dispatch(CommandScopes.Scope scope, Command command, Map<String, List<String>> form,
            String clientTriggerId) throws InterruptedException {
        IntegrationClient.Reply reply;
        try {
            reply = client.send(request(command, encode(form)));
        } catch (IOException | IllegalArgumentException e) {
            log.info("Slash command /{} ({}) could not be delivered: {}", command.trigger(), command.id(), e.toString());
            return IntegrationResult.error(CommandResponseApplier.failed(command));
        }
        return applier.apply(scope, command, clientTriggerId, reply);
    }

    private HttpRequest request(Command command, String form) {
        HttpRequest.Builder builder;
        if (Command.GET.equals(command.method())) {
            String url = command.url();
            String separator = URI.create(url).getRawQuery() == null ? "?" : "&";
            builder = client.request(URI.create(url + separator + form)).GET();
        } else {
            builder = client.request(URI.create(command.url()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        builder.header("Accept", "application/json");
        if (!command.token().isEmpty()) {
            builder.header("Authorization", "Token " + command.token());
        }
        return builder.build();
    }

    /** Go's {@code url.Values.Encode}: fields in the map's (sorted) order, repeated fields kept. */
    private static String encode(Map<String, List<String>> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, values) -> values.forEach(value -> pairs.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }
}
