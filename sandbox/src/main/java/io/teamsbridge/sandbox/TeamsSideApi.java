package io.teamsbridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Teams half of the sandbox page: people and their presence, their chats, and messages written
 * in those chats, all through the Microsoft emulator's control API. Chat ids hold ':' and '@', so
 * they travel as parameters rather than path segments.
 */
@RestController
@RequestMapping("/sandbox/api/teams")
class TeamsSideApi {
    /** Graph caps a chat message at about 28 KB; the page refuses bigger ones before the emulator does. */
    private static final int MAX_CONTENT = 28_000;

    /** The presence choices Teams offers a person, as Graph's availability and activity. */
    static final Map<String, Presence> PRESENCES = presences();

    record Presence(String availability, String activity) {}

    record TeamsUser(String id, String displayName, String mail, String availability, String activity) {}

    record TeamsChat(String id, String chatType, String topic, String label, List<String> members) {}

    record SentMessage(String id, String chatId, String fromUserId, String fromName, String html, Instant sentAt,
            Instant editedAt, boolean deleted) {}

    record PresenceChange(String presence) {}

    record NewMessage(String chatId, String fromUserId, String content, PastedContent.Image image, PastedContent.Snippet snippet) {}

    record Edit(String chatId, String messageId, String content) {}

    private final SandboxBackends backends;
    /** What was written from the page, per chat, oldest first: with the page's notes on pasted content. */
    private final Map<String, List<SentMessage>> transcripts = new ConcurrentHashMap<>();

    TeamsSideApi(SandboxBackends backends) {
        this.backends = backends;
    }

    @GetMapping("/users")
    List<TeamsUser> users() {
        List<TeamsUser> users = new ArrayList<>();
        for (JsonNode u : backends.microsoft().users().values()) {
            users.add(new TeamsUser(u.path("id").asString(), u.path("displayName").asString(), u.path("mail").asString(""),
                    u.path("presence").path("availability").asString("Offline"),
                    u.path("presence").path("activity").asString("Offline")));
        }
        return users;
    }

    @PutMapping("/users/{userId}/presence")
    ResponseEntity<Void> setPresence(@PathVariable String userId, @RequestBody PresenceChange change) {
        Presence presence = change == null ? null : PRESENCES.get(change.presence());
        if (presence == null) {
            throw new IllegalArgumentException("presence must be one of " + PRESENCES.keySet());
        }
        backends.microsoft().setPresence(userId, presence.availability(), presence.activity());
        return ResponseEntity.noContent().build();
    }

    /** The chats the user is a member of, labelled as Teams would show them to that user. */
    @GetMapping("/chats")
    List<TeamsChat> chats(@RequestParam String userId) {
        Map<String, String> names = new LinkedHashMap<>();
        users().forEach(u -> names.put(u.id(), u.displayName()));
        List<TeamsChat> chats = new ArrayList<>();
        for (JsonNode c : backends.microsoft().chats().values()) {
            List<String> memberIds = c.path("memberIds").values().stream().map(JsonNode::asString).toList();
            if (!memberIds.contains(userId)) {
                continue;
            }
            List<String> members = memberIds.stream().map(id -> names.getOrDefault(id, id)).toList();
            List<String> others = memberIds.stream().filter(id -> !id.equals(userId)).map(id -> names.getOrDefault(id, id))
                    .toList();
            String type = c.path("chatType").asString();
            String topic = c.path("topic").asString("");
            String label = switch (type) {
                case "oneOnOne" -> String.join(", ", others);
                case "meeting" -> (topic.isEmpty() ? "Meeting" : topic) + " (meeting)";
                default -> (topic.isEmpty() ? String.join(", ", others) : topic) + " (group)";
            };
            chats.add(new TeamsChat(c.path("id").asString(), type, topic, label, members));
        }
        return chats;
    }

    /**
     * The chat's messages, oldest first, as the emulator holds them: those written on this page and
     * those sent through Graph (replies from Mattermost, sent by the bridge as their writer). A
     * message written here keeps the page's note about what was pasted; system events are left out.
     */
    @GetMapping("/messages")
    List<SentMessage> messages(@RequestParam String chatId) {
        Map<String, SentMessage> written = new java.util.HashMap<>();
        List<SentMessage> local = transcripts.getOrDefault(chatId, List.of());
        synchronized (local) {
            local.forEach(m -> written.put(m.id(), m));
        }
        Map<String, String> names = new java.util.HashMap<>();
        users().forEach(u -> names.put(u.id(), u.displayName()));
        List<SentMessage> all = new ArrayList<>();
        for (JsonNode m : backends.microsoft().chatMessages(chatId)) {
            String from = m.path("fromUserId").asString("");
            if (from.isEmpty()) {
                continue;
            }
            String id = m.path("id").asString();
            boolean deleted = !m.path("deletedDateTime").isNull() && !m.path("deletedDateTime").isMissingNode();
            SentMessage mine = written.get(id);
            if (mine != null) {
                all.add(mine);
                continue;
            }
            all.add(new SentMessage(id, chatId, from, names.getOrDefault(from, from), deleted ? "" : display(m.path("content").asString("")),
                    Instant.parse(m.path("createdDateTime").asString()), instant(m.path("lastEditedDateTime")), deleted));
        }
        return all;
    }

    private static Instant instant(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asString());
    }

    @PostMapping("/messages")
    SentMessage send(@RequestBody NewMessage message) {
        boolean pasted = message.image() != null || message.snippet() != null && message.snippet().code() != null
                && !message.snippet().code().isBlank();
        String content = pasted && (message.content() == null || message.content().isBlank()) ? "" : checkedContent(message.content());
        require(message.chatId(), "chatId");
        require(message.fromUserId(), "fromUserId");
        PastedContent.Message full = PastedContent.of(content, message.image(), message.snippet());
        String id = backends.microsoft().postMessage(message.chatId(), message.fromUserId(), "html", full.content(), List.of(),
                full.attachments(), full.hostedContents());
        String from = users().stream().filter(u -> u.id().equals(message.fromUserId())).map(TeamsUser::displayName)
                .findFirst().orElse(message.fromUserId());
        SentMessage sent = new SentMessage(id, message.chatId(), message.fromUserId(), from, display(content) + full.transcriptNote(),
                Instant.now(),
                null, false);
        List<SentMessage> list = transcripts.computeIfAbsent(message.chatId(), k -> new ArrayList<>());
        synchronized (list) {
            list.add(sent);
        }
        return sent;
    }

    @PatchMapping("/messages")
    SentMessage edit(@RequestBody Edit edit) {
        String content = checkedContent(edit.content());
        require(edit.chatId(), "chatId");
        require(edit.messageId(), "messageId");
        backends.microsoft().editMessage(edit.chatId(), edit.messageId(), content);
        return replace(edit.chatId(), edit.messageId(),
                m -> new SentMessage(m.id(), m.chatId(), m.fromUserId(), m.fromName(), display(content), m.sentAt(),
                        Instant.now(), false));
    }

    @DeleteMapping("/messages")
    SentMessage delete(@RequestParam String chatId, @RequestParam String messageId) {
        backends.microsoft().deleteMessage(chatId, messageId);
        return replace(chatId, messageId, m -> new SentMessage(m.id(), m.chatId(), m.fromUserId(), m.fromName(), "",
                m.sentAt(), m.editedAt(), true));
    }

    private SentMessage replace(String chatId, String messageId, java.util.function.UnaryOperator<SentMessage> change) {
        List<SentMessage> list = transcripts.getOrDefault(chatId, List.of());
        synchronized (list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(messageId)) {
                    SentMessage changed = change.apply(list.get(i));
                    list.set(i, changed);
                    return changed;
                }
            }
        }
        throw new IllegalArgumentException("no message " + messageId + " was sent from this page in chat " + chatId);
    }

    /** The page shows a message as Teams would: its HTML, minus anything that could run script. */
    private static String display(String html) {
        return Jsoup.clean(html, Safelist.relaxed().addTags("s", "del", "hr"));
    }

    private static String checkedContent(String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("write a message first");
        }
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("a Teams message holds at most " + MAX_CONTENT + " characters");
        }
        return content;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static Map<String, Presence> presences() {
        Map<String, Presence> p = new LinkedHashMap<>();
        p.put("Available", new Presence("Available", "Available"));
        p.put("Busy", new Presence("Busy", "Busy"));
        p.put("DoNotDisturb", new Presence("DoNotDisturb", "DoNotDisturb"));
        p.put("BeRightBack", new Presence("BeRightBack", "BeRightBack"));
        p.put("Away", new Presence("Away", "Away"));
        p.put("Offline", new Presence("Offline", "OffWork"));
        return Map.copyOf(p);
    }
}
