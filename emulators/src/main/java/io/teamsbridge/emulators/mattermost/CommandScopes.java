package io.teamsbridge.emulators.mattermost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a slash command runs and who runs it, checked as {@code executeCommand} does: the user
 * must be able to post in the channel; in a team channel the team is the channel's, in a direct
 * channel the given team, of which the user must be a member. Also finds the {@code @user} and
 * {@code ~channel} mentions the request reports.
 */
final class CommandScopes {
    private static final Pattern AT_MENTION = Pattern.compile("(?<![\\w@])@([a-z0-9.\\-_]+)");
    private static final Pattern CHANNEL_MENTION = Pattern.compile("(?<![\\w~])~([a-z0-9\\-_]+)");

    /** The resolved user, team and channel of one execution. */
    record Scope(User user, Team team, Channel channel) {}

    private final UserStore users;
    private final TeamStore teams;
    private final ChannelStore channels;
    private final Permissions permissions;

    CommandScopes(UserStore users, TeamStore teams, ChannelStore channels, Permissions permissions) {
        this.users = users;
        this.teams = teams;
        this.channels = channels;
        this.permissions = permissions;
    }

    /** Without a channel the command runs in the team's town square, as typed in that channel. */
    Scope resolve(User user, String teamId, String channelId) {
        Channel channel;
        if (channelId == null || channelId.isEmpty()) {
            channel = channels.townSquare(teams.require(teamId).id());
        } else {
            channel = channels.get(channelId).orElseThrow(AppError::permission);
        }
        boolean canPost = permissions.hasOnChannel(user, channel, Permission.CREATE_POST)
                || (Channel.OPEN.equals(channel.type())
                        && permissions.hasOnTeam(user, channel.teamId(), Permission.CREATE_POST_PUBLIC));
        if (!canPost) {
            throw AppError.permission();
        }
        String effectiveTeam = channel.isDirect() ? teamId : channel.teamId();
        if (channel.isDirect() && teams.member(effectiveTeam, user.id()).isEmpty()
                && !permissions.has(user, Permission.CREATE_POST)) {
            throw AppError.permission();
        }
        return new Scope(user, teams.require(effectiveTeam), channel);
    }

    /** {@code @name} mentions of team members, trailing punctuation trimmed as the server does. */
    Map<String, String> userMentions(String message, String teamId) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher matcher = AT_MENTION.matcher(message);
        while (matcher.find()) {
            String name = matcher.group(1);
            while (!name.isEmpty()) {
                var user = users.byUsername(name);
                if (user.isPresent()) {
                    if (teams.member(teamId, user.get().id()).isPresent()) {
                        out.put(name, user.get().id());
                    }
                    break;
                }
                char last = name.charAt(name.length() - 1);
                if (last != '.' && last != '-' && last != '_') {
                    break;
                }
                name = name.substring(0, name.length() - 1);
            }
        }
        return out;
    }

    /** {@code ~name} mentions of the team's open channels. */
    Map<String, String> channelMentions(String message, String teamId) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher matcher = CHANNEL_MENTION.matcher(message);
        while (matcher.find()) {
            Channel townSquare = channels.townSquare(teamId);
            if (townSquare.name().equals(matcher.group(1))) {
                out.put(townSquare.name(), townSquare.id());
            }
        }
        return out;
    }
}
