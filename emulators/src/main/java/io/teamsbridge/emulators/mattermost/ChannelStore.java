package io.teamsbridge.emulators.mattermost;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels and who is in them. Direct channels are found by their name, so asking twice for the
 * same pair (in either order) yields the same channel, as {@code GetOrCreateDirectChannel} does;
 * each team gets one "town-square" channel whose members are the team's members.
 */
final class ChannelStore {
    private final Clock clock;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    /** Direct channel ids by name, and town-square ids by team id: the get-or-create keys. */
    private final ConcurrentHashMap<String, String> directByName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> townSquareByTeam = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> members = new ConcurrentHashMap<>();

    ChannelStore(Clock clock) {
        this.clock = clock;
    }

    /** Returns the direct channel of the two users, creating it on first use. */
    Channel direct(String userA, String userB, String creatorId) {
        String name = Channel.directName(userA, userB);
        String id = directByName.computeIfAbsent(name, n -> {
            long now = clock.millis();
            Channel channel = new Channel(Ids.newId(), now, now, 0, "", Channel.DIRECT, "", n, "", "", now, 0, 0,
                    creatorId);
            channels.put(channel.id(), channel);
            members.put(channel.id(), Set.copyOf(List.of(userA, userB)));
            return channel.id();
        });
        return channels.get(id);
    }

    Optional<Channel> findDirect(String userA, String userB) {
        return Optional.ofNullable(directByName.get(Channel.directName(userA, userB))).map(channels::get);
    }

    /** The team's town square, created on first use. */
    Channel townSquare(String teamId) {
        String id = townSquareByTeam.computeIfAbsent(teamId, t -> {
            long now = clock.millis();
            Channel channel = new Channel(Ids.newId(), now, now, 0, t, Channel.OPEN, "Town Square", "town-square", "",
                    "", now, 0, 0, "");
            channels.put(channel.id(), channel);
            members.put(channel.id(), ConcurrentHashMap.newKeySet());
            return channel.id();
        });
        return channels.get(id);
    }

    void join(String channelId, String userId) {
        members.get(channelId).add(userId);
    }

    boolean isMember(String channelId, String userId) {
        Set<String> channelMembers = members.get(channelId);
        return channelMembers != null && channelMembers.contains(userId);
    }

    Optional<Channel> get(String id) {
        return Optional.ofNullable(id == null ? null : channels.get(id));
    }

    Channel require(String id) {
        return get(id).orElseThrow(AppError::channelNotFound);
    }

    /** The user's direct channels, oldest first. */
    List<Channel> directChannelsOf(String userId) {
        return channels.values().stream()
                .filter(c -> c.isDirect() && isMember(c.id(), userId))
                .sorted(Comparator.comparingLong(Channel::createAt))
                .toList();
    }

    void recordPost(String channelId, long at) {
        channels.computeIfPresent(channelId, (id, c) -> c.withPost(at));
    }
}
