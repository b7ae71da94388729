package io.teamsbridge.doctor;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.mattermost.MattermostWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mattermost as the bot sees it: reachable with the bot's token, and allowed what the bridge does
 * (open direct channels, read users' emails, manage slash commands). The probes read; the only
 * call that may create something is opening the bot's direct channel with itself, which Mattermost
 * answers with the existing one when there is one.
 */
final class MattermostCheck implements Check {
    private static final int MAX_TEAMS = 50;

    private final MattermostClient client;
    private final MattermostProperties settings;

    MattermostCheck(MattermostClient client, MattermostProperties settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public List<Finding> run() {
        MattermostWire.User bot;
        try {
            bot = client.me();
        } catch (MattermostException e) {
            return List.of(unreachableOrRefused(e));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.pass("Mattermost bot token", "accepted by " + settings.url() + ": the bot is @" + bot.username()));
        findings.add(directMessages(bot));
        findings.add(emails(bot));
        findings.add(commands());
        return findings;
    }

    private Finding unreachableOrRefused(MattermostException e) {
        String name = "Mattermost bot token";
        if (e.status() == 0) {
            return Finding.fail("Mattermost", "cannot be reached at " + settings.url() + ": " + Messages.firstLine(e),
                    "check mattermost.url and that this host reaches it (outbound.proxy, outbound.non-proxy-hosts, "
                            + "outbound.trusted-ca-file on a private network)");
        }
        if (e.botUnauthorized()) {
            return Finding.fail(name, "not accepted by " + settings.url() + " (401)",
                    "create a new access token for the bot (System Console > Integrations > Bot Accounts, or the bot's "
                            + "Profile > Security) and set mattermost.bot-token to it");
        }
        return Finding.fail(name, "Mattermost answered " + e.status() + " (" + e.errorId() + ") to GET /users/me",
                "check mattermost.url points at the Mattermost server itself");
    }

    private Finding directMessages(MattermostWire.User bot) {
        String name = "Mattermost direct messages";
        try {
            client.directChannel(bot.id(), bot.id());
            return Finding.pass(name, "the bot can open direct channels");
        } catch (MattermostException e) {
            return Finding.fail(name, "the bot cannot open direct channels (" + e.status() + " " + e.errorId() + ")",
                    "give the bot's role the create_direct_channel permission (the default system_user role has it)");
        }
    }

    private Finding emails(MattermostWire.User bot) {
        String name = "Mattermost users' emails";
        if (bot.roles() != null && List.of(bot.roles().split(" ")).contains("system_admin")) {
            return Finding.pass(name, "the bot is a system admin and sees every email");
        }
        try {
            Map<String, String> config = client.clientConfig();
            if ("true".equalsIgnoreCase(config.get("ShowEmailAddress"))) {
                return Finding.pass(name, "Mattermost shows email addresses to everyone (Show Email Address is on)");
            }
        } catch (MattermostException e) {
            return Finding.warn(name, "Mattermost's client configuration could not be read (" + e.status() + ")",
                    "make sure the bot may read users' emails: a system-admin bot, or Show Email Address on");
        }
        return Finding.fail(name, "Mattermost hides users' emails from the bot, so nobody can connect",
                "give the bot the System Admin role (System Console > Integrations > Bot Accounts), or turn on "
                        + "System Console > Site Configuration > Users and Teams > Show Email Address");
    }

    private Finding commands() {
        String name = "Mattermost slash commands";
        List<MattermostWire.Team> teams;
        try {
            teams = client.teams();
        } catch (MattermostException e) {
            return Finding.fail(name, "the bot's teams could not be listed (" + e.status() + " " + e.errorId() + ")",
                    "check the bot's permissions");
        }
        if (teams.isEmpty()) {
            return Finding.warn(name, "the bot is in no team, so /" + settings.commandTrigger() + " is nowhere",
                    "add the bot to each team where /" + settings.commandTrigger() + " should work, or make it a system admin");
        }
        List<String> refused = new ArrayList<>();
        for (MattermostWire.Team team : teams.subList(0, Math.min(MAX_TEAMS, teams.size()))) {
            try {
                client.customCommands(team.id());
            } catch (MattermostException e) {
                refused.add(team.name() + " (" + e.status() + ")");
            }
        }
        if (!refused.isEmpty()) {
            return Finding.fail(name, "the bot may not manage slash commands in " + String.join(", ", refused),
                    "make the bot a system admin, or a team admin in those teams (it needs manage_own_slash_commands)");
        }
        return Finding.pass(name, "the bot can register /" + settings.commandTrigger() + " in " + teams.size() + " team(s)");
    }
}
