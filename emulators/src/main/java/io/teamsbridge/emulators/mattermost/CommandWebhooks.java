package io.teamsbridge.emulators.mattermost;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code response_url} hooks made for each command execution ({@code CreateCommandWebhook}):
 * each remembers where and for whom the command ran, and accepts at most 5 uses within 30
 * minutes ({@code TryUse(hook.Id, 5)}, {@code CommandWebhookLifetime}).
 */
final class CommandWebhooks {
    static final int MAX_USES = 5;
    static final long LIFETIME_MILLIS = 30 * 60 * 1000L;

    /** One hook: the command and scope it answers for, when it was made, how often it was used. */
    record Hook(String id, Command command, CommandScopes.Scope scope, long createAt, int uses) {}

    private final Clock clock;
    private final ConcurrentHashMap<String, Hook> hooks = new ConcurrentHashMap<>();

    CommandWebhooks(Clock clock) {
        this.clock = clock;
    }

    Hook create(Command command, CommandScopes.Scope scope) {
        Hook hook = new Hook(Ids.newId(), command, scope, clock.millis(), 0);
        hooks.put(hook.id(), hook);
        return hook;
    }

    /** Counts one use of the hook, or fails as the server does for a missing, expired or used-up hook. */
    Hook use(String id) {
        Hook hook = hooks.get(id);
        if (hook == null) {
            throw new AppError(404, "app.command_webhook.get.missing", "Unable to find the webhook.");
        }
        Hook used = hooks.computeIfPresent(id, (k, h) -> {
            if (h.uses() >= MAX_USES || clock.millis() - h.createAt() > LIFETIME_MILLIS) {
                throw new AppError(400, "app.command_webhook.try_use.invalid", "Invalid webhook.");
            }
            return new Hook(h.id(), h.command(), h.scope(), h.createAt(), h.uses() + 1);
        });
        if (used == null) {
            throw new AppError(404, "app.command_webhook.get.missing", "Unable to find the webhook.");
        }
        return used;
    }
}
