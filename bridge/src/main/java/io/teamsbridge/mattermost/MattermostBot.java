package io.teamsbridge.mattermost;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.config.StartupCheckException;
import io.teamsbridge.mattermost.MattermostWire.User;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The bot account the service acts as. Its token is checked at start: a token Mattermost rejects
 * stops the service with a clear line; an unreachable Mattermost does not (it is looked up again
 * when first needed), so a restart of Mattermost never takes the bridge down with it.
 */
@Component
public class MattermostBot implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(MattermostBot.class);

    private final MattermostClient client;
    private final MattermostProperties properties;
    private final AtomicReference<User> account = new AtomicReference<>();

    public MattermostBot(MattermostClient client, MattermostProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            User me = verify();
            log.info("Acting in Mattermost at {} as @{} ({}).", properties.base(), me.username(),
                    me.bot() ? "a bot account" : "a user account; a bot account is recommended");
        } catch (MattermostException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new StartupCheckException("Configuration error: mattermost.bot-token was rejected by Mattermost at "
                        + properties.base() + " (" + e.status() + " " + e.errorId()
                        + "): set it to a valid access token of the bridge's bot account.");
            }
            log.warn("Mattermost at {} could not be checked at start ({}); the bot token is checked again when first needed.",
                    properties.base(), e.getMessage());
        }
    }

    /** The bot's user id, looked up once. */
    public String userId() {
        User known = account.get();
        return known != null ? known.id() : verify().id();
    }

    private User verify() {
        User me = client.me();
        account.set(me);
        return me;
    }
}
