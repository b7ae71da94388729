package io.teamsbridge.emulators.microsoft.chats;

import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's chats and messages, in memory. Changes are serialised by one lock, which is also
 * held while the {@link ChatListener} queues notifications, so notifications leave in the order
 * messages were written; reads go lock-free to immutable snapshots.
 *
 * <p>Refusals are exceptions the control API turns into answers: {@link NoSuchElementException}
 * for an unknown chat or message, {@link IllegalArgumentException} for anything else.
 */
public final class ChatStore {
    private final UserDirectory directory;
    private final String tenantId;
    private final Clock clock;
    private final HostedContents hosted;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Chat> chats = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Long, ChatMessage>> messages = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile ChatListener listener = ChatListener.NONE;
    /** The last message id or etag handed out; both come from one increasing sequence. */
    private long lastStamp;

    public ChatStore(UserDirectory directory, String tenantId, Clock clock) {
        this(directory, tenantId, clock, java.net.URI.create("https://graph.microsoft.com/v1.0"));
    }

    /** @param graphUrl the Graph base (with {@code /v1.0}) that hosted contents' addresses are built on */
    public ChatStore(UserDirectory directory, String tenantId, Clock clock, java.net.URI graphUrl) {
        this.directory = directory;
        this.tenantId = tenantId;
        this.clock = clock;
        this.hosted = new HostedContents(graphUrl);
    }

    /** The hosted contents of a message, in the order they were given; empty for none (or a deleted message). */
    public List<HostedContent> hostedContents(String chatId, String messageId) {
        return hosted.of(chatId, messageId);
    }

    /** Set once while wiring the emulator, before any chat exists. */
    public void listen(ChatListener listener) {
        this.listener = listener;
    }

    /**
     * Creates a chat; a one-on-one chat between two people who already have one is that chat, as in
     * Teams, where there is exactly one per pair.
     */
    public Chat create(ChatType type, @Nullable String topic, List<String> memberUserIds) {
        Set<String> distinct = new LinkedHashSet<>(memberUserIds);
        if (distinct.size() != memberUserIds.size()) {
            throw new IllegalArgumentException("memberIds lists a user twice");
        }
        List<User> users = distinct.stream().map(this::user).toList();
        switch (type) {
            case ONE_ON_ONE -> {
                if (users.size() != 2) {
                    throw new IllegalArgumentException("a oneOnOne chat has exactly 2 members, not " + users.size());
                }
                if (topic != null) {
                    throw new IllegalArgumentException("a oneOnOne chat has no topic");
                }
            }
            case GROUP -> {
                if (users.size() < 2) {
                    throw new IllegalArgumentException("a group chat needs at least 2 members");
                }
            }
            case MEETING -> {
                if (users.isEmpty()) {
                    throw new IllegalArgumentException("a meeting chat needs at least 1 member");
                }
            }
        }
        synchronized (lock) {
            if (type == ChatType.ONE_ON_ONE) {
                Optional<Chat> existing = oneOnOneOf(users.get(0).id(), users.get(1).id());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            String id = newChatId(type, users);
            Instant now = clock.instant();
            Chat chat = new Chat(id, type, topic, now, now, tenantId,
                    users.stream().map(u -> member(id, u)).toList());
            chats.put(id, chat);
            messages.put(id, new ConcurrentSkipListMap<>());
            return chat;
        }
    }

    public Optional<Chat> chat(String chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    /** Every chat, oldest first. */
    public List<Chat> all() {
        return chats.values().stream().sorted(Comparator.comparing(Chat::createdAt).thenComparing(Chat::id)).toList();
    }

    /** Newest first, as Graph lists them; deleted messages included, as in Graph. */
    public List<ChatMessage> messages(String chatId) {
        return List.copyOf(messagesOf(chatId).descendingMap().values());
    }

    public Optional<ChatMessage> message(String chatId, String messageId) {
        ConcurrentSkipListMap<Long, ChatMessage> all = messages.get(chatId);
        Long key = parseId(messageId);
        return all == null || key == null ? Optional.empty() : Optional.ofNullable(all.get(key));
    }

    /**
     * A message written in Teams (the control API's way): {@code hosted:N} in the content and the
     * attachments' content stands for the N-th hosted content's address.
     */
    public ChatMessage post(String chatId, MessageDraft draft) {
        return write(chatId, draft, true);
    }

    /**
     * A message a client sends through Graph: the content is stored as written ({@code hosted:N} is
     * the control API's placeholder and means nothing here) and there are no hosted contents.
     */
    public ChatMessage send(String chatId, MessageDraft draft) {
        if (!draft.hostedContents().isEmpty()) {
            throw new IllegalArgumentException("a message sent through Graph has no hosted contents here");
        }
        return write(chatId, draft, false);
    }

    private ChatMessage write(String chatId, MessageDraft draft, boolean placeholders) {
        if (!"html".equals(draft.contentType()) && !"text".equals(draft.contentType())) {
            throw new IllegalArgumentException("contentType must be \"html\" or \"text\"");
        }
        if (!draft.mentions().isEmpty() && !"html".equals(draft.contentType())) {
            throw new IllegalArgumentException("a message with mentions has an html body, as in Teams");
        }
        synchronized (lock) {
            Chat chat = existingChat(chatId);
            ChatMember sender = chat.member(draft.fromUserId()).orElseThrow(() -> new IllegalArgumentException(
                    "user " + draft.fromUserId() + " is not a member of chat " + chatId));
            Instant now = clock.instant();
            long id = nextStamp(now);
            HostedContents.Placed placed = placeholders ? hosted.place(chatId, Long.toString(id), draft)
                    : new HostedContents.Placed(draft.content(), draft.attachments(), List.of());
            ChatMessage message = new ChatMessage(Long.toString(id), chatId, tenantId, id, now, now, null, null,
                    new ChatMessage.Sender(sender.userId(), sender.displayName()), draft.contentType(),
                    placed.content(), placed.attachments(), draft.mentions(), null);
            hosted.keep(chatId, message.id(), placed.contents());
            return store(ChangeType.CREATED, message, chat.touched(now));
        }
    }

    public ChatMessage edit(String chatId, String messageId, String content) {
        synchronized (lock) {
            ChatMessage current = existingMessage(chatId, messageId);
            if (current.systemEvent()) {
                throw new IllegalArgumentException("system event messages cannot be edited");
            }
            if (current.deleted()) {
                throw new IllegalArgumentException("message " + messageId + " is deleted");
            }
            Instant now = clock.instant();
            return store(ChangeType.UPDATED, current.edited(content, now, nextStamp(now)), existingChat(chatId));
        }
    }

    /** Soft delete; deleting again changes nothing and notifies nobody. */
    public ChatMessage delete(String chatId, String messageId) {
        synchronized (lock) {
            ChatMessage current = existingMessage(chatId, messageId);
            if (current.deleted()) {
                return current;
            }
            Instant now = clock.instant();
            hosted.forget(chatId, messageId);
            return store(ChangeType.DELETED, current.deletedAt(now, nextStamp(now)), existingChat(chatId));
        }
    }

    /**
     * Adds a member and writes the {@code membersAdded} system event, initiated by the chat's first
     * member (the control API does not say who clicked "add").
     */
    public ChatMessage addMember(String chatId, String userId) {
        User user = user(userId);
        synchronized (lock) {
            Chat chat = existingChat(chatId);
            if (chat.chatType() == ChatType.ONE_ON_ONE) {
                throw new IllegalArgumentException("members cannot be added to a oneOnOne chat");
            }
            if (chat.hasMember(userId)) {
                throw new IllegalArgumentException("user " + userId + " is already a member of chat " + chatId);
            }
            Instant now = clock.instant();
            Chat grown = chat.withMember(member(chatId, user), now);
            long id = nextStamp(now);
            ChatMessage event = new ChatMessage(Long.toString(id), chatId, tenantId, id, now, now, null, null, null,
                    "html", ChatMessage.SYSTEM_EVENT_CONTENT, List.of(), List.of(),
                    new ChatMessage.MembersChanged(true, List.of(userId), chat.members().getFirst().userId()));
            return store(ChangeType.CREATED, event, grown);
        }
    }

    /**
     * Removes a member and writes the {@code membersDeleted} system event, initiated by the chat's
     * first other member.
     */
    public ChatMessage removeMember(String chatId, String userId) {
        synchronized (lock) {
            Chat chat = existingChat(chatId);
            if (chat.chatType() == ChatType.ONE_ON_ONE) {
                throw new IllegalArgumentException("members cannot be removed from a oneOnOne chat");
            }
            if (!chat.hasMember(userId)) {
                throw new IllegalArgumentException("user " + userId + " is not a member of chat " + chatId);
            }
            Instant now = clock.instant();
            Chat shrunk = chat.withoutMember(userId, now);
            long id = nextStamp(now);
            ChatMessage event = new ChatMessage(Long.toString(id), chatId, tenantId, id, now, now, null, null, null,
                    "html", ChatMessage.SYSTEM_EVENT_CONTENT, List.of(), List.of(),
                    new ChatMessage.MembersChanged(false, List.of(userId), shrunk.members().getFirst().userId()));
            return store(ChangeType.CREATED, event, shrunk);
        }
    }

    private ChatMessage store(ChangeType type, ChatMessage message, Chat chat) {
        chats.put(chat.id(), chat);
        messagesOf(chat.id()).put(Long.parseLong(message.id()), message);
        listener.changed(new MessageChange(type, message, chat));
        return message;
    }

    /** Epoch milliseconds, bumped past the last one so two changes in one millisecond stay distinct. */
    private long nextStamp(Instant now) {
        lastStamp = Math.max(now.toEpochMilli(), lastStamp + 1);
        return lastStamp;
    }

    private Optional<Chat> oneOnOneOf(String a, String b) {
        return chats.values().stream().filter(c -> c.chatType() == ChatType.ONE_ON_ONE && c.hasMember(a)
                && c.hasMember(b)).findFirst();
    }

    private String newChatId(ChatType type, List<User> users) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return switch (type) {
            case ONE_ON_ONE -> "19:" + users.get(0).id() + "_" + users.get(1).id() + "@unq.gbl.spaces";
            case GROUP -> "19:" + HexFormat.of().formatHex(bytes) + "@thread.v2";
            case MEETING -> "19:meeting_" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)) + "@thread.v2";
        };
    }

    private ChatMember member(String chatId, User user) {
        // Real membership ids are base64 of an internal composite key; the shape keeps clients from parsing them.
        String key = "0##" + tenantId + "##" + chatId + "##" + user.id();
        return new ChatMember(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)), user.id(),
                user.displayName(), user.mail(), tenantId);
    }

    private User user(String userId) {
        return directory.byId(userId).orElseThrow(() -> new IllegalArgumentException("no user with id '" + userId
                + "'; create it with POST /_sandbox/users"));
    }

    private Chat existingChat(String chatId) {
        return chat(chatId).orElseThrow(() -> new NoSuchElementException("no chat with id '" + chatId + "'"));
    }

    private ChatMessage existingMessage(String chatId, String messageId) {
        existingChat(chatId);
        return message(chatId, messageId).orElseThrow(() -> new NoSuchElementException(
                "no message with id '" + messageId + "' in chat " + chatId));
    }

    private ConcurrentSkipListMap<Long, ChatMessage> messagesOf(String chatId) {
        ConcurrentSkipListMap<Long, ChatMessage> all = messages.get(chatId);
        if (all == null) {
            throw new NoSuchElementException("no chat with id '" + chatId + "'");
        }
        return all;
    }

    private static @Nullable Long parseId(String messageId) {
        try {
            return Long.parseLong(messageId);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
