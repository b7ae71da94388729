package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.microsoft.chats.Chat;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a chat-message subscription resource and checks the caller may subscribe to it, per the
 * documented table: {@code /chats/getAllMessages} is application-only and takes {@code model=A}
 * or {@code B}; {@code /users/{id}/chats/getAllMessages} (or {@code /me/...}) is for that user's
 * delegated token or the app and takes only {@code model=B}; {@code /chats/{id}/messages} is not
 * metered and is for members of the chat or the app.
 */
final class SubscriptionResource {
    private static final Set<String> DELEGATED = Set.of("Chat.Read", "Chat.ReadWrite");
    private static final Set<String> APPLICATION = Set.of("Chat.Read.All", "Chat.ReadWrite.All");

    /** What a resource string means. */
    record Resolved(SubscriptionScope scope, @Nullable String model) {}

    private final ChatStore chats;
    private final UserDirectory directory;

    SubscriptionResource(ChatStore chats, UserDirectory directory) {
        this.chats = chats;
        this.directory = directory;
    }

    /**
     * @param operation "Create" or "Reauthorize", for the error text
     * @throws io.teamsbridge.emulators.http.HttpError 400 for a resource this emulator does not
     *     know or a wrong model, 403 when the caller may not subscribe to it, 404 for an unknown chat
     */
    Resolved resolve(Caller caller, String resource, String operation) {
        String trimmed = resource.startsWith("/") ? resource.substring(1) : resource;
        int question = trimmed.indexOf('?');
        String path = question < 0 ? trimmed : trimmed.substring(0, question);
        Map<String, String> query = query(question < 0 ? "" : trimmed.substring(question + 1), resource);
        String[] segments = path.split("/");
        String model = query.remove("model");
        if (!query.isEmpty()) {
            throw SubscriptionErrors.invalid("The query option(s) " + query.keySet() + " in resource '" + resource
                    + "' are not supported by the emulator; only 'model' is.");
        }
        if (segments.length == 2 && is(segments[0], "chats") && is(segments[1], "getAllMessages")) {
            requireModel(model, Set.of("A", "B"), resource, operation);
            if (caller.delegated()) {
                throw SubscriptionErrors.extension(403, operation, "The resource 'chats/getAllMessages' supports"
                        + " application permissions only; delegated tokens cannot subscribe to it.");
            }
            requirePermission(caller, resource, operation);
            return new Resolved(new SubscriptionScope.AllChats(), model);
        }
        if (segments.length == 3 && is(segments[0], "me") && is(segments[1], "chats")
                && is(segments[2], "getAllMessages")) {
            if (!caller.delegated()) {
                throw SubscriptionErrors.invalid("/me is only valid with a delegated token; use /users/{id}.");
            }
            return userChats(caller, caller.userId(), model, resource, operation);
        }
        if (segments.length == 4 && is(segments[0], "users") && is(segments[2], "chats")
                && is(segments[3], "getAllMessages")) {
            return userChats(caller, decode(segments[1]), model, resource, operation);
        }
        if (segments.length == 3 && is(segments[0], "chats") && is(segments[2], "messages")) {
            requireModel(model, Set.of(), resource, operation);
            requirePermission(caller, resource, operation);
            String chatId = decode(segments[1]);
            Chat chat = chats.chat(chatId).orElseThrow(() -> SubscriptionErrors.extension(404, operation,
                    "Chat '" + chatId + "' was not found."));
            if (caller.delegated() && !chat.hasMember(caller.userId())) {
                throw SubscriptionErrors.extension(403, operation, "The signed-in user is not a member of chat '"
                        + chatId + "'.");
            }
            return new Resolved(new SubscriptionScope.OneChat(chat.id()), null);
        }
        throw SubscriptionErrors.invalid("Resource '" + resource + "' is not supported by the emulator. Supported:"
                + " /chats/getAllMessages, /users/{id}/chats/getAllMessages, /me/chats/getAllMessages,"
                + " /chats/{id}/messages.");
    }

    private Resolved userChats(Caller caller, String key, @Nullable String model, String resource,
            String operation) {
        requireModel(model, Set.of("B"), resource, operation);
        requirePermission(caller, resource, operation);
        User user = directory.byIdOrUpn(key).orElseThrow(() -> SubscriptionErrors.extension(404, operation,
                "User '" + key + "' was not found."));
        if (caller.delegated() && !user.id().equals(caller.userId())) {
            throw SubscriptionErrors.extension(403, operation, "A delegated token can only subscribe to the"
                    + " signed-in user's own chats.");
        }
        return new Resolved(new SubscriptionScope.UserChats(user.id()), model);
    }

    private static void requirePermission(Caller caller, String resource, String operation) {
        if (!caller.hasAny(DELEGATED, APPLICATION)) {
            throw SubscriptionErrors.extension(403, operation, "The caller has none of the permissions "
                    + (caller.delegated() ? DELEGATED : APPLICATION) + " required to subscribe to '" + resource + "'.");
        }
    }

    private static void requireModel(@Nullable String model, Set<String> allowed, String resource, String operation) {
        if (model != null && !allowed.contains(model)) {
            throw SubscriptionErrors.extension(400, operation, allowed.isEmpty()
                    ? "The resource '" + resource + "' is not metered and takes no 'model' parameter."
                    : "Model '" + model + "' is not supported for '" + resource + "'; supported: " + allowed
                            + " (or none, for evaluation mode).");
        }
    }

    private static Map<String, String> query(String raw, String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw SubscriptionErrors.invalid("Malformed query option '" + pair + "' in resource '" + resource
                        + "'.");
            }
            out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static boolean is(String segment, String literal) {
        return segment.toLowerCase(Locale.ROOT).equals(literal.toLowerCase(Locale.ROOT));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
