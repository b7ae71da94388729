package io.teamsbridge.reply;

import io.teamsbridge.linking.UserTokens;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.mattermost.MattermostWire.Post;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphClient.SentMention;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.render.ReplyRenderer;
import io.teamsbridge.render.TeamsReply;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.Reply;
import io.teamsbridge.store.ReplyRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Tries once to send one claimed reply into its Teams chat, as its writer, and says what came of it
 * as a value: decided (sent, or refused and why) or try later (and why). The text is read from
 * Mattermost now, so an edit made before sending counts and a deletion withdraws the reply.
 *
 * <p>Graph's send is not idempotent. Before the first request that may send, the reply is marked;
 * an attempt that finds the mark (the earlier one's answer was lost, or the bridge stopped) first
 * looks among the chat's newest messages for one from the writer with the same body, and counts it
 * as sent rather than sending twice.
 */
@Component
class ReplySender {
    private static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    /** Clocks differ: a message sent just before the mark was written still counts. */
    private static final Duration SKEW = Duration.ofMinutes(2);

    /** What one attempt came to. */
    sealed interface Step {
        record Decided(ReplyOutcome outcome, String detail, String teamsMessageId) implements Step {
            Decided(ReplyOutcome outcome, String detail) {
                this(outcome, detail, null);
            }
        }

        /** Worth another try after {@code after}; {@code reason} is what the writer is told the first time. */
        record Later(Duration after, String reason) implements Step {}

        /** Earlier replies to the chat were found unrecorded and are recorded now: they go first, this one after. */
        record Behind(int earlier) implements Step {}
    }

    private final MattermostClient mattermost;
    private final AccountLinkRepository links;
    private final UserTokens tokens;
    private final ReplyPeople people;
    private final ReplyRecorder recorder;
    private final ReplyRenderer renderer = new ReplyRenderer();
    private final GraphClient graph;
    private final ReplyRepository replies;
    private final Clock clock;

    ReplySender(MattermostClient mattermost, AccountLinkRepository links, UserTokens tokens, ReplyPeople people,
            ReplyRecorder recorder, GraphClient graph, ReplyRepository replies, Clock clock) {
        this.mattermost = mattermost;
        this.links = links;
        this.tokens = tokens;
        this.people = people;
        this.recorder = recorder;
        this.graph = graph;
        this.replies = replies;
        this.clock = clock;
    }

    Step attempt(Reply reply) {
        Post post;
        try {
            post = mattermost.post(reply.postId());
        } catch (MattermostException e) {
            if (e.status() == 404 || e.status() == 403) {
                return new Step.Decided(ReplyOutcome.WITHDRAWN, "the post is gone");
            }
            return later(reply, "Mattermost could not be read");
        }
        if (post.deleted()) {
            return new Step.Decided(ReplyOutcome.WITHDRAWN, "deleted before it was sent");
        }
        if (post.hasFiles()) {
            return new Step.Decided(ReplyOutcome.ATTACHMENTS, post.fileIds().size() + " file(s)");
        }
        if (reply.sendStartedAt() == null) { // once a send may have gone out, its place in the chat is taken
            int earlier;
            try {
                earlier = recordEarlier(reply, post);
            } catch (MattermostException e) {
                return later(reply, "Mattermost could not be read");
            }
            if (earlier > 0) {
                return new Step.Behind(earlier);
            }
        }
        Optional<AccountLink> link = links.findByMattermostUser(reply.mattermostUserId()).filter(AccountLink::active);
        if (link.isEmpty()) {
            return new Step.Decided(ReplyOutcome.NOT_CONNECTED, null);
        }
        String token;
        try {
            switch (tokens.tokenFor(link.get(), MicrosoftIdentity.SEND_DELEGATED)) {
                case UserTokens.TokenFor.NotGranted notGranted -> {
                    return new Step.Decided(ReplyOutcome.NEEDS_PERMISSION, null);
                }
                case UserTokens.TokenFor.Lost lost -> {
                    return new Step.Decided(ReplyOutcome.NOT_CONNECTED, "the connection was lost");
                }
                case UserTokens.TokenFor.Valid valid -> token = valid.accessToken();
            }
        } catch (MicrosoftIdentityException e) {
            return later(reply, "Microsoft's sign-in service cannot be reached");
        }
        String message = post.message() == null ? "" : post.message();
        return switch (renderer.render(message, people.in(message))) {
            case TeamsReply.Blank blank -> new Step.Decided(ReplyOutcome.BLANK, null);
            case TeamsReply.TooLong tooLong -> new Step.Decided(ReplyOutcome.TOO_LONG,
                    "%,d bytes, where Teams takes about %,d".formatted(tooLong.bytes(), tooLong.limitBytes()));
            case TeamsReply.Ready ready -> send(reply, link.get(), token, ready);
        };
    }

    private Step send(Reply reply, AccountLink link, String token, TeamsReply.Ready ready) {
        if (reply.sendStartedAt() != null) {
            try {
                Optional<String> sent = alreadySent(reply, link.teamsUserId(), token, ready.content());
                if (sent.isPresent()) {
                    return new Step.Decided(ReplyOutcome.SENT, "found in the chat", sent.get());
                }
            } catch (GraphException e) {
                // Sending again without looking could send it twice: look again later (or the chat is gone).
                return e.permanentFailure() && e.status() != 400 ? new Step.Decided(ReplyOutcome.CHAT_GONE, e.code())
                        : later(reply, "Teams could not be asked whether it arrived");
            }
        }
        try {
            replies.sendStarting(reply.postId(), clock.instant());
            String id = graph.sendChatMessage(reply.chatId(), ready.content(), ready.mentions().stream()
                    .map(m -> new SentMention(m.id(), m.mentionText(), m.teamsUserId(),
                            m.displayName().isEmpty() ? m.mentionText() : m.displayName()))
                    .toList(), token);
            return new Step.Decided(ReplyOutcome.SENT, null, id);
        } catch (GraphException e) {
            return classify(reply, e);
        }
    }

    private Step classify(Reply reply, GraphException e) {
        return switch (e.status()) {
            case 413 -> new Step.Decided(ReplyOutcome.TOO_LONG, "Teams says it is too large");
            case 403, 404, 410 -> new Step.Decided(ReplyOutcome.CHAT_GONE, e.code());
            case 400 -> new Step.Decided(ReplyOutcome.REFUSED, e.code());
            case 429 -> new Step.Later(e.retryAfter().orElse(backoff(reply)), "Teams asks to slow down");
            case 401 -> later(reply, "Teams did not accept the sign-in");
            default -> later(reply, e.status() == 0 ? "Teams cannot be reached" : "Teams answered " + e.status());
        };
    }

    /**
     * Replies are sent in the order they were written, but only those recorded can be ordered. When
     * every instance that saw an earlier reply stopped before recording it, a look-back records it
     * later, possibly after this one: so look at the thread's posts just before this one and record
     * any the bridge has not. Answers how many were new.
     */
    private int recordEarlier(Reply reply, Post post) {
        long writtenAt = post.createAt() == null ? reply.postedAt().toEpochMilli() : post.createAt();
        int recorded = 0;
        for (Post before : mattermost.channelPostsSince(post.channelId(), writtenAt - SKEW.toMillis())) {
            boolean earlier = before.createAt() != null && before.createAt() < writtenAt;
            if (earlier && reply.rootPostId().equals(before.rootId()) && recorder.record(before)) {
                recorded++;
            }
        }
        return recorded;
    }

    /** The message the writer sent into the chat with this body since the first attempt, if any. */
    private Optional<String> alreadySent(Reply reply, String teamsUserId, String token, String html) {
        GraphClient.ListPage page = graph.chatMessagesChangedAfter(reply.chatId(), reply.sendStartedAt().minus(SKEW), token);
        for (JsonNode message : page.items()) {
            boolean mine = teamsUserId.equals(message.path("from").path("user").path("id").asString(""));
            if (mine && html.equals(message.path("body").path("content").asString(null))) {
                return Optional.of(message.path("id").asString(""));
            }
        }
        return Optional.empty();
    }

    private static Step later(Reply reply, String reason) {
        return new Step.Later(backoff(reply), reason);
    }

    /** 5 s, 10 s, 20 s ... up to 5 minutes, by attempts made. */
    static Duration backoff(Reply reply) {
        int doublings = Math.max(0, Math.min(reply.attempts() - 1, 10));
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
