package io.teamsbridge.emulators.mattermost;

import java.net.URI;
import java.net.URISyntaxException;

/** A custom slash command ({@code model.Command}); {@code method} is "P" (POST) or "G" (GET). */
record Command(
        String id,
        String token,
        long createAt,
        long updateAt,
        long deleteAt,
        String creatorId,
        String teamId,
        String trigger,
        String method,
        String username,
        String iconUrl,
        boolean autoComplete,
        String autoCompleteDesc,
        String autoCompleteHint,
        String displayName,
        String description,
        String url,
        String pluginId) {

    static final String POST = "P";
    static final String GET = "G";

    /** The server's {@code Command.IsValid}, in its order, with its error ids. */
    void validate() {
        if (!Ids.isValid(creatorId)) {
            throw invalid("user_id", "Invalid user id.");
        }
        if (!Ids.isValid(teamId)) {
            throw invalid("team_id", "Invalid team ID.");
        }
        if (trigger.isEmpty() || trigger.length() > 128 || trigger.startsWith("/") || trigger.contains(" ")) {
            throw invalid("trigger", "Invalid trigger.");
        }
        if (url.isEmpty() || url.length() > 1024) {
            throw invalid("url", "Invalid url.");
        }
        if (!isHttpUrl(url)) {
            throw invalid("url_http", "Invalid URL. Must be a valid URL and start with http:// or https://.");
        }
        if (!POST.equals(method) && !GET.equals(method)) {
            throw invalid("method", "Invalid Method.");
        }
        if (displayName.length() > 64) {
            throw invalid("display_name", "Invalid title.");
        }
        if (description.length() > 128) {
            throw invalid("description", "Invalid description.");
        }
    }

    /** The server's {@code Command.Sanitize}, applied where commands are listed to non-managers. */
    Command sanitized() {
        return new Command(id, "", createAt, updateAt, deleteAt, "", teamId, trigger, "", "", "", autoComplete,
                autoCompleteDesc, autoCompleteHint, displayName, description, "", pluginId);
    }

    Command withToken(String newToken, long now) {
        return new Command(id, newToken, createAt, now, deleteAt, creatorId, teamId, trigger, method, username, iconUrl,
                autoComplete, autoCompleteDesc, autoCompleteHint, displayName, description, url, pluginId);
    }

    private static AppError invalid(String what, String message) {
        return new AppError(400, "model.command.is_valid." + what + ".app_error", message);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
