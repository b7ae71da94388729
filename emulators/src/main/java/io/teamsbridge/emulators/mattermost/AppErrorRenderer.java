package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.ErrorRenderer;
import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;

/**
 * Renders every error, including the toolkit's own (unknown route, bad JSON, oversized body), as
 * a Mattermost {@code AppError}, translating the toolkit's generic codes into the ids the real
 * server uses for the same situations.
 */
final class AppErrorRenderer implements ErrorRenderer {

    @Override
    public Response render(Request request, HttpError error) {
        return Wire.error(translate(error));
    }

    private static HttpError translate(HttpError error) {
        if (error instanceof AppError) {
            return error;
        }
        return switch (error.code()) {
            case "not_found" -> new AppError(404, "api.context.404.app_error", "Sorry, we could not find the page.");
            case "method_not_allowed" -> new AppError(405, "api.context.405.app_error", error.getMessage());
            case "invalid_body" -> AppError.invalidBodyParam("body");
            case "too_large" -> new AppError(413, "api.context.request_body_too_large.app_error",
                    "The request body is too large.");
            case "internal" -> new AppError(500, "api.context.500.app_error", error.getMessage());
            default -> error;
        };
    }
}
