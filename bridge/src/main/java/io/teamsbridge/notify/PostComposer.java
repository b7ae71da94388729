package io.teamsbridge.notify;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.render.ChatKind;
import io.teamsbridge.render.NotificationContext;
import io.teamsbridge.render.NotificationRenderer;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * [render] The post(s) that tell one user about one message, in their chat's words. Mentions are
 * resolved to Mattermost usernames first, so the renderer itself only reads what it is given.
 */
@Component
class PostComposer {
    /** Mattermost's default MaxPostSize in runes. */
    static final int MAX_POST_RUNES = 16383;

    private final NotificationRenderer renderer = new NotificationRenderer(MAX_POST_RUNES);
    private final MattermostUsernames mentions;
    private final String teamsWebBase;
    private final String tenantId;

    PostComposer(MattermostUsernames mentions, MicrosoftProperties microsoft) {
        this.mentions = mentions;
        this.teamsWebBase = microsoft.teamsWebBase();
        this.tenantId = microsoft.tenantId();
    }

    /** The notification of a new message, with what was fetched for it. */
    Notification newMessage(IncomingMessage message, ChatInfo chat, ContentFetcher.Fetched fetched) {
        List<String> parts = renderer.render(message.content().withFetched(fetched.content()), context(message, chat));
        if (fetched.files().isEmpty()) {
            return Notification.text(parts);
        }
        return new Notification(parts, fetched.files(), renderer.withNote(parts.getFirst(),
                "*(Some of what was shared could not be attached here; open the message in Teams to see it.)*"));
    }

    String edited(IncomingMessage message, ChatInfo chat, io.teamsbridge.render.FetchedContent fetched) {
        return renderer.renderEdited(message.content().withFetched(fetched), context(message, chat));
    }

    String deleted(String senderName, ChatInfo chat) {
        return renderer.renderDeleted(context(senderName, chat));
    }

    private NotificationContext context(IncomingMessage message, ChatInfo chat) {
        return context(message.senderName(), chat, mentions.usernamesOf(message.content().mentions()));
    }

    private NotificationContext context(String senderName, ChatInfo chat) {
        return context(senderName, chat, java.util.Map.of());
    }

    private NotificationContext context(String senderName, ChatInfo chat, java.util.Map<String, String> mentioned) {
        ChatKind kind = switch (chat.chatType()) {
            case "oneOnOne" -> ChatKind.ONE_ON_ONE;
            case "meeting" -> ChatKind.MEETING;
            default -> ChatKind.GROUP;
        };
        int others = Math.max(0, chat.members().size() - 2);
        return new NotificationContext(senderName, kind, chat.topic(), others, teamsWebBase, mentioned, tenantId);
    }
}
