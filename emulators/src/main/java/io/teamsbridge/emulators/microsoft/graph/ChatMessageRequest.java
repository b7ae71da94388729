package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.microsoft.chats.MessageMention;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The chatMessage a client sends ({@code POST /chats/{id}/messages}), checked as Graph checks it:
 * {@code body.content} is required, {@code body.contentType} is {@code text} (the default) or
 * {@code html}; in HTML every {@code <at id="N">} has the mention with id N and every mention its
 * tag, and each mentioned user exists. Other chatMessage properties are ignored. Attachments and
 * hosted contents (quoted replies, files, pasted images) are refused: the bridge sends none, and an
 * emulator that half-stored them would hide a bridge that started to.
 *
 * @param mentions with the mentioned users' directory names
 */
record ChatMessageRequest(String contentType, String content, List<MessageMention> mentions) {

    /**
     * Teams documents an approximate 28 KB limit for a message's text, image links and mentions
     * together, with no exact byte count. The emulator's rule: the UTF-8 bytes of
     * {@code body.content} plus those of the request's {@code mentions} array written as compact
     * JSON may be at most 28,000; beyond that Graph's 413.
     */
    static final int MAX_BYTES = 28_000;

    /** An {@code <at>} tag's id, in either quote style (Teams writes double quotes). */
    private static final Pattern AT_TAG = Pattern.compile("<at\\b[^>]*?\\bid\\s*=\\s*([\"'])(.*?)\\1",
            Pattern.CASE_INSENSITIVE);

    ChatMessageRequest {
        mentions = List.copyOf(mentions);
    }

    /** @throws HttpError 400 for what Graph refuses, 413 for a message over {@link #MAX_BYTES} */
    static ChatMessageRequest parse(JsonNode json, UserDirectory directory) {
        if (!json.isObject()) {
            throw badRequest("The request body must be a chatMessage JSON object.");
        }
        refuseNonEmpty(json, "attachments");
        refuseNonEmpty(json, "hostedContents");
        JsonNode body = json.get("body");
        if (body == null || !body.isObject()) {
            throw badRequest("A chatMessage needs a 'body' object with its 'content'.");
        }
        String contentType = contentType(body.get("contentType"));
        JsonNode content = body.get("content");
        if (content == null || !content.isString() || content.stringValue().isBlank()) {
            throw badRequest("The message body's 'content' is required and must not be empty.");
        }
        JsonNode mentionsJson = json.get("mentions");
        List<Mentioned> mentioned = mentions(mentionsJson);
        int bytes = content.stringValue().getBytes(StandardCharsets.UTF_8).length
                + (mentioned.isEmpty() ? 0 : Json.write(mentionsJson).length);
        if (bytes > MAX_BYTES) {
            throw new HttpError(413, "RequestEntityTooLarge", "Request Entity too large: the message's content and"
                    + " mentions are " + bytes + " bytes; a Teams message holds about 28 KB (" + MAX_BYTES
                    + " bytes here).");
        }
        if (!mentioned.isEmpty() && "text".equals(contentType)) {
            throw badRequest("A message with mentions needs an html body: set body.contentType to 'html' and write"
                    + " <at id=\"N\">name</at> for each mention.");
        }
        if ("html".equals(contentType)) {
            matchTagsAndMentions(content.stringValue(), mentioned);
        }
        List<MessageMention> resolved = new ArrayList<>();
        for (Mentioned m : mentioned) {
            User user = directory.byId(m.userId()).orElseThrow(() -> badRequest("Mention " + m.id()
                    + " names user '" + m.userId() + "', who does not exist in the tenant."));
            resolved.add(new MessageMention(m.id(), m.mentionText(), user.id(), user.displayName()));
        }
        return new ChatMessageRequest(contentType, content.stringValue(), resolved);
    }

    private record Mentioned(int id, String mentionText, String userId) {}

    private static String contentType(JsonNode value) {
        if (value == null || value.isNull()) {
            return "text";
        }
        if (value.isString() && ("text".equals(value.stringValue()) || "html".equals(value.stringValue()))) {
            return value.stringValue();
        }
        throw badRequest("Invalid body.contentType " + value + ": use \"text\" (the default) or \"html\".");
    }

    private static List<Mentioned> mentions(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw badRequest("'mentions' must be an array of chatMessageMention objects.");
        }
        Map<Integer, Mentioned> byId = new LinkedHashMap<>();
        for (JsonNode mention : value) {
            JsonNode id = mention.get("id");
            if (id == null || !id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 0) {
                throw badRequest("Each mention needs an 'id': the whole number of its <at id=\"N\"> tag.");
            }
            int n = id.intValue();
            JsonNode text = mention.get("mentionText");
            if (text == null || !text.isString() || text.stringValue().isBlank()) {
                throw badRequest("Mention " + n + " needs a 'mentionText'.");
            }
            JsonNode user = mention.path("mentioned").path("user");
            if (!user.isObject()) {
                throw badRequest("Mention " + n + " must name a user in mentioned.user; the emulator accepts no"
                        + " other kind of mention.");
            }
            JsonNode userId = user.get("id");
            if (userId == null || !userId.isString() || userId.stringValue().isBlank()) {
                throw badRequest("Mention " + n + " needs mentioned.user.id, the user's object id.");
            }
            JsonNode identityType = user.get("userIdentityType");
            if (identityType != null && !identityType.isNull() && !"aadUser".equals(identityType.asString())) {
                throw badRequest("Mention " + n + " has userIdentityType " + identityType + "; only \"aadUser\" is"
                        + " accepted.");
            }
            if (byId.put(n, new Mentioned(n, text.stringValue(), userId.stringValue())) != null) {
                throw badRequest("Two mentions have id " + n + "; each <at id=\"N\"> tag has exactly one.");
            }
        }
        return List.copyOf(byId.values());
    }

    private static void matchTagsAndMentions(String html, List<Mentioned> mentioned) {
        Set<String> tagIds = new LinkedHashSet<>();
        Matcher tag = AT_TAG.matcher(html);
        while (tag.find()) {
            tagIds.add(tag.group(2).strip());
        }
        Set<String> mentionIds = new LinkedHashSet<>();
        mentioned.forEach(m -> mentionIds.add(Integer.toString(m.id())));
        for (String id : tagIds) {
            if (!mentionIds.contains(id)) {
                throw badRequest("The content has <at id=\"" + id + "\"> but 'mentions' has no entry with id " + id
                        + ".");
            }
        }
        for (String id : mentionIds) {
            if (!tagIds.contains(id)) {
                throw badRequest("Mention " + id + " has no <at id=\"" + id + "\"> tag in the content.");
            }
        }
    }

    private static void refuseNonEmpty(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
            throw badRequest("The emulator does not accept '" + field + "' when sending a chat message; the bridge"
                    + " sends text and html bodies with mentions only.");
        }
    }

    private static HttpError badRequest(String message) {
        return new HttpError(400, "BadRequest", message);
    }
}
