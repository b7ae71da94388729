package io.teamsbridge.reply;

/**
 * What became of a reply, with what its writer is told. Stored by name, so names do not change.
 * {@code %s} in a text is the reply's detail (a size, a duration, Teams' error).
 */
enum ReplyOutcome {
    SENT(null),
    /** Deleted in Mattermost before it was sent: nothing to send, nobody to tell. */
    WITHDRAWN(null),
    NOT_CONNECTED("Not sent to Teams: your Teams account is not connected. Type `/msteams connect`, then send your reply again."),
    NEEDS_PERMISSION("Not sent to Teams: replying from Mattermost needs a permission your connection was made without. "
            + "Type `/msteams connect` to connect again (your settings stay), then send your reply again."),
    ATTACHMENTS("Not sent to Teams: files cannot be sent from Mattermost yet. Send the text on its own, and share the files in Teams."),
    BLANK("Not sent to Teams: the reply has no text that Teams would show."),
    TOO_LONG("Not sent to Teams: the reply is too long for Teams (%s). Shorten it or split it, and send it again."),
    CHAT_GONE("Not sent to Teams: this chat is gone, or you are no longer one of its members."),
    REFUSED("Not sent to Teams: Teams refused it (%s)."),
    GAVE_UP("Not sent to Teams: Teams could not take it for %s. Send it again later, or write in Teams.");

    /** Said in the thread when a reply is late: once per reply. */
    static final String DELAYED = "Teams is not taking messages right now (%s); your reply will be sent as soon as it does.";

    private final String text;

    ReplyOutcome(String text) {
        this.text = text;
    }

    /** The answer in the thread, or null when the outcome is shown otherwise (a reaction) or not at all. */
    String message(String detail) {
        if (text == null) {
            return null;
        }
        return text.contains("%s") ? text.formatted(detail == null ? "" : detail) : text;
    }
}
