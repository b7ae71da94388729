package io.teamsbridge.sandbox;

import io.teamsbridge.notify.NotificationDecision;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The page's "what is happening" log: the bridge's {@link NotificationDecision}s, the last
 * {@value #KEEP} of them, as sentences with people and chats by name. The listener only records;
 * names are looked up when the page asks, so the bridge's workers never wait for the emulators.
 */
@RestController
class DecisionFeed {
    static final int KEEP = 200;

    /** One line of the log; {@code seq} lets the page ask only for what is new. */
    record Entry(long seq, Instant at, String kind, String chatId, String chat, String messageId, String user, String text) {}

    private record Recorded(long seq, NotificationDecision decision) {}

    private final SandboxBackends backends;
    private final ArrayDeque<Recorded> recent = new ArrayDeque<>();
    private long lastSeq;
    private final Map<String, String> usernames = new ConcurrentHashMap<>();
    private final Map<String, String> chatNames = new ConcurrentHashMap<>();

    DecisionFeed(SandboxBackends backends) {
        this.backends = backends;
    }

    @EventListener
    void on(NotificationDecision decision) {
        synchronized (recent) {
            recent.addLast(new Recorded(++lastSeq, decision));
            if (recent.size() > KEEP) {
                recent.removeFirst();
            }
        }
    }

    /** The decisions after {@code after}, oldest first. */
    @GetMapping("/sandbox/api/decisions")
    List<Entry> decisions(@RequestParam(defaultValue = "0") long after) {
        List<Recorded> fresh = new ArrayList<>();
        synchronized (recent) {
            for (Recorded r : recent) {
                if (r.seq() > after) {
                    fresh.add(r);
                }
            }
        }
        List<Entry> entries = new ArrayList<>(fresh.size());
        for (Recorded r : fresh) {
            NotificationDecision d = r.decision();
            String user = d.mattermostUserId() == null ? null : username(d.mattermostUserId());
            String chat = chatName(d.chatId());
            entries.add(new Entry(r.seq(), d.at(), d.kind().name(), d.chatId(), chat, d.messageId(), user,
                    sentence(d, user, chat)));
        }
        return entries;
    }

    static String sentence(NotificationDecision d, String user, String chat) {
        String detail = d.detail() == null ? "" : d.detail();
        return switch (d.kind()) {
            case RECEIVED -> "Received a change (" + detail + ") to a message in " + chat;
            case CONCERNS_NOBODY -> "Received a new message in " + chat + " and left it: " + detail;
            case DELIVERED -> "Delivered to @" + user + ": " + detail;
            case NOT_DELIVERED -> "Not delivered to @" + user + " because " + detail;
            case UPDATED -> "Updated the forwarded posts: " + detail;
            case GAVE_UP -> "Gave up on a message in " + chat + ": " + detail;
        };
    }

    private String username(String mattermostUserId) {
        String name = usernames.get(mattermostUserId);
        if (name == null) {
            backends.mattermostUsers().forEach(u -> usernames.put(u.id(), u.username()));
            name = usernames.getOrDefault(mattermostUserId, mattermostUserId);
        }
        return name;
    }

    private String chatName(String chatId) {
        if (chatId == null) {
            return "a chat";
        }
        String name = chatNames.get(chatId);
        if (name == null) {
            Map<String, String> people = new ConcurrentHashMap<>();
            for (JsonNode u : backends.microsoft().users().values()) {
                people.put(u.path("id").asString(), u.path("displayName").asString());
            }
            for (JsonNode c : backends.microsoft().chats().values()) {
                String topic = c.path("topic").asString("");
                String label = !topic.isEmpty() ? "\u201c" + topic + "\u201d"
                        : "the chat of " + String.join(" and ", c.path("memberIds").values().stream()
                                .map(id -> people.getOrDefault(id.asString(), id.asString())).toList());
                chatNames.put(c.path("id").asString(), label);
            }
            name = chatNames.getOrDefault(chatId, "chat " + chatId);
        }
        return name;
    }
}
