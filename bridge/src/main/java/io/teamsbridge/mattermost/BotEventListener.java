package io.teamsbridge.mattermost;

import java.time.Instant;

/**
 * What the bot hears on Mattermost's WebSocket ({@link BotEventStream}). Calls come on one thread,
 * in the order the events arrived; an exception is logged and the stream goes on.
 */
public interface BotEventListener {

    /**
     * A post was made in a channel the bot is in ({@code channelType} "D" for a direct channel).
     * The bot's own posts come too. The same post may come twice (a replayed event after a resync).
     */
    void posted(MattermostWire.Post post, String channelType);

    /**
     * Events since {@code since} (never null) may have been missed: on the first connect of this
     * process ({@code since} = when the stream started), and whenever the socket could not resume
     * or skipped events ({@code since} = when the last event before the break arrived). No margin is
     * taken off: events are not seen exactly in the order they were made, so the listener adds its own.
     */
    void mayHaveMissed(Instant since);
}
