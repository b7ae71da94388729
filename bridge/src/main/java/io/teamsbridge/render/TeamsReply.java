package io.teamsbridge.render;

import java.util.List;

/**
 * What a Mattermost reply becomes for Teams: a message to post, or the reason there is none. The
 * callers switch over it; neither case is an error of the renderer.
 */
public sealed interface TeamsReply {

    /**
     * A chat message ready for {@code POST /chats/{id}/messages}.
     *
     * @param content  the body, for {@code "body":{"contentType":"html","content":…}}
     * @param mentions the {@code "mentions"} array, in the order of the {@code <at id>} tags in
     *                 {@code content}; empty when nobody is mentioned
     */
    record Ready(String content, List<ReplyMention> mentions) implements TeamsReply {
        public Ready {
            mentions = List.copyOf(mentions);
        }
    }

    /**
     * Teams would refuse the message: it measures {@code bytes} against a limit of
     * {@code limitBytes} (see {@link ReplyRenderer} for how). Nothing was cut, so the caller can
     * tell the author how far over the reply is.
     */
    record TooLong(int bytes, int limitBytes) implements TeamsReply {
    }

    /**
     * Nothing a reader would see (only spaces, an empty code block, link definitions): Teams
     * refuses empty messages, and a Mattermost post with only files has no text either.
     */
    record Blank() implements TeamsReply {
    }
}
