package io.teamsbridge.emulators.mattermost;

import java.time.Clock;
import java.util.Locale;

/**
 * Creates bot accounts as {@code App.CreateBot} does: a user with {@code is_bot}, email
 * {@code <username>@localhost} and (unless the control API asks for more) role
 * {@code system_user}, plus the bot record naming its owner.
 */
final class BotAccounts {
    private final UserStore users;
    private final Clock clock;

    BotAccounts(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    Bot create(String username, String displayName, String description, String ownerId, String roles) {
        String name = username.toLowerCase(Locale.ROOT);
        UserStore.validateUsername(name);
        if (displayName.codePointCount(0, displayName.length()) > 64) {
            throw new AppError(400, "model.bot.is_valid.display_name.app_error", "Invalid display name.");
        }
        if (description.codePointCount(0, description.length()) > 1024) {
            throw new AppError(400, "model.bot.is_valid.description.app_error", "Invalid description.");
        }
        long now = clock.millis();
        String id = Ids.newId();
        User user = User.create(id, now, name, name + "@localhost", displayName, "", roles, "en", true, description);
        Bot bot = new Bot(id, name, displayName, description, ownerId, 0, now, now, 0);
        return users.addBot(user, bot);
    }
}
