package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.util.List;

/**
 * {@code POST /channels/direct} with {@code ["id1","id2"]}: the caller must be one of the two (or
 * have {@code manage_system}); the existing channel is returned when there is one, always with
 * status 201 as the server does.
 */
final class ChannelRoutes {
    private final ChannelStore channels;
    private final UserStore users;
    private final Permissions permissions;

    ChannelRoutes(ChannelStore channels, UserStore users, Permissions permissions) {
        this.channels = channels;
        this.users = users;
        this.permissions = permissions;
    }

    void register(ApiRouter api) {
        api.post("/channels/direct", this::createDirect);
    }

    private Response createDirect(Request request, Caller caller) {
        List<String> ids = JsonBody.stringArray(request, "user_ids");
        if (ids.size() != 2) {
            throw AppError.invalidBodyParam("user_ids");
        }
        for (String id : ids) {
            if (!Ids.isValid(id)) {
                throw AppError.invalidBodyParam("user_id");
            }
        }
        permissions.require(caller.user(), Permission.CREATE_DIRECT_CHANNEL);
        if (!ids.contains(caller.userId()) && !permissions.has(caller.user(), Permission.MANAGE_SYSTEM)) {
            throw AppError.permission();
        }
        for (String id : ids) {
            if (users.get(id).isEmpty()) {
                throw new AppError(400, "api.channel.create_direct_channel.invalid_user.app_error",
                        "Invalid user ID for direct channel creation.");
            }
        }
        return Wire.created(channels.direct(ids.get(0), ids.get(1), caller.userId()));
    }
}
