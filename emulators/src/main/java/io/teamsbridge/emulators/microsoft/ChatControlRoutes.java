package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.Chat;
import io.teamsbridge.emulators.microsoft.chats.ChatMember;
import io.teamsbridge.emulators.microsoft.chats.ChatMessage;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.chats.ChatType;
import io.teamsbridge.emulators.microsoft.chats.GraphTime;
import io.teamsbridge.emulators.microsoft.chats.MessageAttachment;
import io.teamsbridge.emulators.microsoft.chats.MessageDraft;
import io.teamsbridge.emulators.microsoft.chats.MessageMention;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The control API's Teams side: create chats, write, edit and delete messages, add and remove members. Every
 * change is stored and notified to the subscribers, as if a person had done it in Teams. A chat's
 * messages can be read back, whoever wrote them (Teams or a client through Graph).
 */
final class ChatControlRoutes {
    private static final String P = "/_sandbox/chats";

    private final ChatStore chats;
    private final UserDirectory directory;

    ChatControlRoutes(ChatStore chats, UserDirectory directory) {
        this.chats = chats;
        this.directory = directory;
    }

    void register(Router router) {
        router.post(P, this::createChat)
                .get(P, this::listChats)
                .post(P + "/{chatId}/messages", this::postMessage)
                .get(P + "/{chatId}/messages", this::listMessages)
                .patch(P + "/{chatId}/messages/{messageId}", this::editMessage)
                .delete(P + "/{chatId}/messages/{messageId}", this::deleteMessage)
                .post(P + "/{chatId}/members", this::addMember)
                .delete(P + "/{chatId}/members/{userId}", this::removeMember);
    }

    private Response createChat(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("chatType", "topic", "memberIds"));
        String typeName = body.requiredText("chatType");
        ChatType type = ChatType.fromWire(typeName).orElseThrow(() -> ControlBody.badRequest("Field 'chatType' must"
                + " be one of " + Arrays.stream(ChatType.values()).map(ChatType::wireName).toList() + ", not '"
                + typeName + "'."));
        Chat chat = change(() -> chats.create(type, body.optionalText("topic"), body.requiredStrings("memberIds")));
        return Response.json(201, Map.of("id", chat.id()));
    }

    private Response listChats(Request request) {
        return Response.json(200, chats.all().stream().map(ChatControlRoutes::describe).toList());
    }

    private Response postMessage(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("fromUserId", "contentType", "content", "mentions", "attachments", "hostedContents"));
        MessageDraft draft = new MessageDraft(body.requiredText("fromUserId"), body.requiredText("contentType"),
                body.requiredText("content"), body.optionalObjects("mentions").stream().map(this::mention).toList(),
                body.optionalObjects("attachments").stream().map(ChatControlRoutes::attachment).toList(),
                body.optionalObjects("hostedContents").stream().map(ChatControlRoutes::hosted).toList());
        ChatMessage message = change(() -> chats.post(request.pathParam("chatId"), draft));
        return Response.json(201, Map.of("id", message.id()));
    }

    /** SANDBOX.md's shape, oldest first; {@code fromUserId} is null for system events. */
    private Response listMessages(Request request) {
        String chatId = request.pathParam("chatId");
        List<ChatMessage> newestFirst = change(() -> chats.messages(chatId));
        return Response.json(200, newestFirst.reversed().stream().map(ChatControlRoutes::describe).toList());
    }

    private Response editMessage(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("content"));
        String content = body.requiredText("content");
        ChatMessage message = change(() -> chats.edit(request.pathParam("chatId"), request.pathParam("messageId"),
                content));
        return Response.json(200, Map.of("id", message.id()));
    }

    private Response deleteMessage(Request request) {
        change(() -> chats.delete(request.pathParam("chatId"), request.pathParam("messageId")));
        return Response.empty(204);
    }

    /** Answers the membership id and the id of the {@code membersAdded} system event message. */
    private Response addMember(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("userId"));
        String userId = body.requiredText("userId");
        String chatId = request.pathParam("chatId");
        ChatMessage event = change(() -> chats.addMember(chatId, userId));
        String memberId = chats.chat(chatId).flatMap(c -> c.member(userId)).map(ChatMember::id).orElseThrow();
        return Response.json(201, Map.of("id", memberId, "messageId", event.id()));
    }

    /** Answers the id of the {@code membersDeleted} system event message. */
    private Response removeMember(Request request) {
        ChatMessage event = change(() -> chats.removeMember(request.pathParam("chatId"), request.pathParam("userId")));
        return Response.json(200, Map.of("messageId", event.id()));
    }

    private MessageMention mention(ControlBody mention) {
        mention.rejectUnknown(Set.of("id", "mentionText", "userId"));
        String userId = mention.requiredText("userId");
        User user = directory.byId(userId).orElseThrow(() -> ControlBody.badRequest("A mention names user '"
                + userId + "', who does not exist."));
        return new MessageMention(mention.requiredInt("id"), mention.requiredText("mentionText"), user.id(),
                user.displayName());
    }

    private static MessageDraft.Hosted hosted(ControlBody hosted) {
        hosted.rejectUnknown(Set.of("contentType", "contentBytes"));
        try {
            return new MessageDraft.Hosted(hosted.requiredText("contentType"),
                    java.util.Base64.getMimeDecoder().decode(hosted.requiredText("contentBytes")));
        } catch (IllegalArgumentException e) {
            throw ControlBody.badRequest("Field 'contentBytes' of a hosted content must be base64: " + e.getMessage());
        }
    }

    private static MessageAttachment attachment(ControlBody attachment) {
        attachment.rejectUnknown(Set.of("id", "contentType", "contentUrl", "content", "name", "thumbnailUrl",
                "teamsAppId"));
        String id = attachment.optionalText("id");
        return new MessageAttachment(id != null ? id : UUID.randomUUID().toString(),
                attachment.requiredText("contentType"), attachment.optionalText("contentUrl"),
                attachment.optionalTextOrJson("content"), attachment.optionalText("name"),
                attachment.optionalText("thumbnailUrl"), attachment.optionalText("teamsAppId"));
    }

    private static Map<String, @Nullable Object> describe(Chat chat) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", chat.id());
        out.put("chatType", chat.chatType().wireName());
        out.put("topic", chat.topic());
        out.put("memberIds", chat.members().stream().map(ChatMember::userId).toList());
        return out;
    }

    private static Map<String, @Nullable Object> describe(ChatMessage message) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", message.id());
        out.put("fromUserId", message.from() == null ? null : message.from().userId());
        out.put("contentType", message.contentType());
        out.put("content", message.content());
        out.put("mentions", message.mentions().stream().map(m -> Map.of("id", m.id(), "mentionText", m.mentionText(),
                "userId", m.userId())).toList());
        out.put("createdDateTime", GraphTime.millis(message.createdAt()));
        out.put("lastEditedDateTime", message.lastEditedAt() == null ? null : GraphTime.millis(message.lastEditedAt()));
        out.put("deletedDateTime", message.deletedAt() == null ? null : GraphTime.millis(message.deletedAt()));
        return out;
    }

    /** Runs a store change, answering its refusals: 404 for what does not exist, 400 for the rest. */
    private static <T> T change(Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            throw new HttpError(404, "not_found", capitalised(e.getMessage()) + ".");
        } catch (IllegalArgumentException e) {
            throw ControlBody.badRequest(capitalised(e.getMessage()) + ".");
        }
    }

    private static String capitalised(@Nullable String message) {
        return message == null || message.isEmpty() ? "Refused"
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
