package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.http.HttpError;

/**
 * The errors subscription calls answer with. Generic validation is Graph's {@code InvalidRequest};
 * refusals by the Teams workload behind the subscription come as {@code ExtensionError} wrapping
 * the workload's status and reason, which is how Graph relays them.
 */
final class SubscriptionErrors {
    private SubscriptionErrors() {}

    static HttpError invalid(String message) {
        return new HttpError(400, "InvalidRequest", message);
    }

    static HttpError extension(int status, String operation, String reason) {
        String statusName = switch (status) {
            case 400 -> "BadRequest";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            default -> Integer.toString(status);
        };
        return new HttpError(status, "ExtensionError", "Operation: " + operation + "; Exception: [Status Code: "
                + statusName + "; Reason: " + reason + "]");
    }

    static HttpError notFound(String id) {
        return new HttpError(404, "ResourceNotFound", "The object was not found: subscription '" + id
                + "' does not exist or has expired.");
    }
}
