package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;

/**
 * {@code POST /bots} and {@code GET /bots/{bot_user_id}}. Creating needs {@code create_bot}, a
 * caller that is not itself a bot, and {@code EnableBotAccountCreation}, checked in the server's
 * order; the caller becomes the owner.
 */
final class BotRoutes {
    private final BotAccounts bots;
    private final UserStore users;
    private final Permissions permissions;
    private final ServerConfig config;

    BotRoutes(BotAccounts bots, UserStore users, Permissions permissions, ServerConfig config) {
        this.bots = bots;
        this.users = users;
        this.permissions = permissions;
        this.config = config;
    }

    void register(ApiRouter api) {
        api.post("/bots", this::createBot).get("/bots/{bot_user_id}", this::getBot);
    }

    private Response createBot(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "bot");
        permissions.require(caller.user(), Permission.CREATE_BOT);
        if (caller.isBot()) {
            throw AppError.permission();
        }
        if (!config.current().enableBotAccountCreation()) {
            throw new AppError(403, "api.bot.create_disabled", "Bot creation has been disabled.");
        }
        Bot bot = bots.create(body.string("username"), body.string("display_name"), body.string("description"),
                caller.userId(), User.SYSTEM_USER);
        return Wire.created(bot);
    }

    /** Readable by its owner, by system admins, and by the bot itself; otherwise it does not exist. */
    private Response getBot(Request request, Caller caller) {
        String id = request.pathParam("bot_user_id");
        if (!Ids.isValid(id)) {
            throw AppError.invalidUrlParam("bot_user_id");
        }
        Bot bot = users.bot(id)
                .filter(b -> b.ownerId().equals(caller.userId()) || b.userId().equals(caller.userId())
                        || permissions.has(caller.user(), Permission.MANAGE_SYSTEM))
                .orElseThrow(() -> new AppError(404, "store.sql_bot.get.missing.app_error", "Bot does not exist."));
        return Wire.ok(bot);
    }
}
