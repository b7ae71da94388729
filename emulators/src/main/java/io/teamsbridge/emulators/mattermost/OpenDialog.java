package io.teamsbridge.emulators.mattermost;

import tools.jackson.databind.JsonNode;

/**
 * A dialog an integration opened for a user with {@code POST /actions/dialogs/open}, waiting for
 * the user (the control API) to submit or cancel it.
 */
record OpenDialog(
        String id,
        String userId,
        String channelId,
        String teamId,
        String url,
        String triggerId,
        JsonNode dialog,
        long createAt) {}
