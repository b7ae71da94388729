package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.Chat;
import io.teamsbridge.emulators.microsoft.chats.ChatJson;
import io.teamsbridge.emulators.microsoft.chats.ChatMessage;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.chats.MessageDraft;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /chats/{id}/messages} (also under {@code /me} and {@code /users/{id}}, the caller's
 * own): the signed-in user sends a message into a chat they are a member of. Delegated only, with
 * ChatMessage.Send, Chat.ReadWrite or Group.ReadWrite.All; an app token is refused as Graph refuses
 * it outside a migration. The message is stored like one written in Teams, so it is listed and
 * every covering subscription is notified, the sender's own included (Graph does not spare the
 * sender; ignoring its own echoes is the client's job). Answers 201 with the message exactly as
 * {@code GET} returns it. Throttled in its own documented category ({@link GraphThrottle}).
 */
final class SendMessageRoutes {
    static final String MY_MESSAGES = GraphApi.PREFIX + "/me/chats/{chatId}/messages";
    static final String USER_MESSAGES = GraphApi.PREFIX + "/users/{userId}/chats/{chatId}/messages";
    static final Set<String> TEMPLATES = Set.of(ChatRoutes.MESSAGES, MY_MESSAGES, USER_MESSAGES);
    private static final Set<String> DELEGATED = Set.of("ChatMessage.Send", "Chat.ReadWrite", "Group.ReadWrite.All");

    private final ChatStore chats;
    private final UserDirectory directory;
    private final GraphAuth auth;
    private final GraphResponses responses;

    SendMessageRoutes(ChatStore chats, UserDirectory directory, GraphAuth auth, GraphResponses responses) {
        this.chats = chats;
        this.directory = directory;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        for (String template : TEMPLATES) {
            router.post(template, this::send);
        }
    }

    private Response send(Request request) {
        Caller caller = auth.caller(request);
        if (!caller.delegated()) {
            // Graph's own words; only Teamwork.Migrate.All may post as an app, and only into a chat being imported.
            throw new HttpError(403, "Forbidden", "Message POST is allowed in application-only context only for"
                    + " import purposes. Refer to https://docs.microsoft.com/microsoftteams/platform/graph-api/"
                    + "import-messages/import-external-messages-to-teams for more details.");
        }
        GraphAuth.requireTeams(caller, DELEGATED, Set.of());
        if (USER_MESSAGES.equals(request.template())) {
            String key = request.pathParam("userId");
            User user = directory.byIdOrUpn(key).orElseThrow(() -> UserRoutes.notFound(key));
            if (!user.id().equals(caller.userId())) {
                throw new HttpError(403, "Forbidden", "Forbidden: a signed-in user may send only as themselves.");
            }
        }
        Chat chat = ChatRoutes.visibleChat(chats, caller, request.pathParam("chatId"));
        ChatMessageRequest sent = ChatMessageRequest.parse(request.json(), directory);
        ChatMessage message = store(caller, chat, sent);
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats('" + ChatJson.encode(chat.id()) + "')/messages/$entity"));
        body.putAll(ChatJson.message(message, PreferHeader.includeUnknownEnumMembers(request)));
        return responses.json(request, 201, body);
    }

    private ChatMessage store(Caller caller, Chat chat, ChatMessageRequest sent) {
        MessageDraft draft = new MessageDraft(caller.userId(), sent.contentType(), sent.content(), sent.mentions(),
                List.of());
        try {
            return chats.send(chat.id(), draft);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            // The request was checked; only a membership change since then is left, which is answered as such.
            ChatRoutes.visibleChat(chats, caller, chat.id());
            throw new HttpError(400, "BadRequest", "The message was refused: " + e.getMessage() + ".");
        }
    }
}
