package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.Chat;
import io.teamsbridge.emulators.microsoft.chats.ChatJson;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.chats.HostedContent;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A chat message's hosted contents (pasted images, code snippets): the list and one content's
 * metadata, whose {@code contentBytes} and {@code contentType} Graph always sends as null, and
 * {@code $value}, the bytes with their content type. Read with the permissions of reading the
 * message itself.
 */
final class HostedContentRoutes {
    static final String LIST = ChatRoutes.MESSAGE + "/hostedContents";
    static final String ONE = LIST + "/{hostedContentId}";
    static final String VALUE = ONE + "/$value";

    private final ChatStore chats;
    private final GraphAuth auth;
    private final GraphResponses responses;

    HostedContentRoutes(ChatStore chats, GraphAuth auth, GraphResponses responses) {
        this.chats = chats;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        router.get(LIST, this::list).get(ONE, this::one).get(VALUE, this::value);
    }

    private Response list(Request request) {
        List<HostedContent> contents = contents(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats('" + ChatJson.encode(request.pathParam("chatId")) + "')/messages('"
                + request.pathParam("messageId") + "')/hostedContents"));
        body.put("@odata.count", contents.size());
        body.put("value", contents.stream().map(HostedContentRoutes::metadata).toList());
        return responses.json(request, 200, body);
    }

    private Response one(Request request) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats('" + ChatJson.encode(request.pathParam("chatId")) + "')/messages('"
                + request.pathParam("messageId") + "')/hostedContents/$entity"));
        body.putAll(metadata(content(request)));
        return responses.json(request, 200, body);
    }

    private Response value(Request request) {
        HostedContent content = content(request);
        return new Response(200, Map.of("Content-Type", content.contentType()), content.bytes());
    }

    private HostedContent content(Request request) {
        String id = request.pathParam("hostedContentId");
        return contents(request).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new HttpError(404,
                "NotFound", "Hosted content '" + id + "' was not found."));
    }

    private List<HostedContent> contents(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, ChatRoutes.MESSAGES_DELEGATED, ChatRoutes.MESSAGES_APPLICATION);
        Chat chat = ChatRoutes.visibleChat(chats, caller, request.pathParam("chatId"));
        String messageId = request.pathParam("messageId");
        chats.message(chat.id(), messageId).orElseThrow(() -> new HttpError(404, "NotFound",
                "Message '" + messageId + "' was not found in chat '" + chat.id() + "'."));
        return chats.hostedContents(chat.id(), messageId);
    }

    private static Map<String, @Nullable Object> metadata(HostedContent content) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", content.id());
        out.put("contentBytes", null);
        out.put("contentType", null);
        return out;
    }
}
