package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.HttpError;
import tools.jackson.databind.JsonNode;

/**
 * What a user would see after an integration round trip (a slash command, a dialog submission):
 * the status the server would answer its client with, and the body (the command response, or an
 * AppError).
 */
record IntegrationResult(int status, JsonNode response) {

    static IntegrationResult error(HttpError error) {
        return new IntegrationResult(error.status(), Wire.errorBody(error, Ids.newId()));
    }
}
