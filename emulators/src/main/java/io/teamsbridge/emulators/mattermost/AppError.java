package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.HttpError;

/**
 * An error in Mattermost's {@code AppError} shape: the {@link #code()} is the server's i18n id
 * (e.g. {@code api.context.session_expired.app_error}), which clients match on, and the message is
 * the English text the server would send. The factories cover the errors many handlers share.
 */
final class AppError extends HttpError {

    AppError(int status, String id, String message) {
        super(status, id, message);
    }

    static AppError sessionExpired() {
        return new AppError(401, "api.context.session_expired.app_error",
                "Invalid or expired session, please login again.");
    }

    /** The server's {@code SetPermissionError}: 403, whatever the permission was. */
    static AppError permission() {
        return new AppError(403, "api.context.permissions.app_error", "You do not have the appropriate permissions.");
    }

    static AppError invalidBodyParam(String name) {
        return new AppError(400, "api.context.invalid_body_param.app_error",
                "Invalid or missing " + name + " in request body.");
    }

    static AppError invalidUrlParam(String name) {
        return new AppError(400, "api.context.invalid_url_param.app_error",
                "Invalid or missing " + name + " parameter in request URL.");
    }

    static AppError userNotFound() {
        return new AppError(404, "app.user.missing_account.const", "Unable to find the user.");
    }

    static AppError teamNotFound() {
        return new AppError(404, "app.team.get.find.app_error", "Unable to find the existing team.");
    }

    static AppError channelNotFound() {
        return new AppError(404, "app.channel.get.existing.app_error", "Unable to find the existing channel.");
    }

    static AppError postNotFound() {
        return new AppError(404, "app.post.get.app_error", "Unable to get the post.");
    }

    static AppError commandNotFound() {
        return new AppError(404, "store.sql_command.save.get.app_error", "Unable to get the command.");
    }

    static AppError commandsDisabled() {
        return new AppError(501, "api.command.disabled.app_error", "Commands have been disabled by the system admin.");
    }
}
