package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.store.DeliveryRepository;
import io.teamsbridge.store.DeliveryRepository.Posted;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Posts' records wait for their batch's settlement; an edit of the same message writes its own first. */
class DeliveryJournalTest {
    private final List<String> written = new CopyOnWriteArrayList<>();
    private boolean refuse;
    private final DeliveryRepository repository = new DeliveryRepository(null, null) {
        @Override
        public void markPosted(String chatId, String messageId, String mattermostUserId, List<String> postIds, Instant now) {
            if (refuse) {
                throw new org.springframework.dao.DataAccessResourceFailureException("simulated: the database is down");
            }
            written.add(messageId + "/" + mattermostUserId);
        }
    };
    private final DeliveryJournal journal = new DeliveryJournal(repository);
    private final Instant now = Instant.parse("2026-12-04T10:00:00Z");

    private Posted posted(String chat, String message, String user) {
        return new Posted(chat, message, user, List.of("post-" + message + "-" + user), now);
    }

    @Test
    void anEditWritesTheRecordsOfItsOwnMessageOnlyAndTheRestWaitsForTheSettlement() {
        journal.posted(posted("chat-a", "m1", "u1"));
        journal.posted(posted("chat-a", "m2", "u1"));
        journal.posted(posted("chat-b", "m1", "u2"));
        journal.posted(posted("chat-a", "m1", "u3"));

        journal.writeNow("chat-a", "m1");

        assertThat(written).containsExactly("m1/u1", "m1/u3");
        assertThat(journal.drain()).extracting(Posted::chatId, Posted::messageId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("chat-a", "m2"), org.assertj.core.groups.Tuple.tuple("chat-b", "m1"));
        assertThat(journal.drain()).isEmpty();
    }

    @Test
    void recordsThatCouldNotBeWrittenWaitAgain() {
        journal.posted(posted("chat-a", "m1", "u1"));
        refuse = true;

        assertThatThrownBy(() -> journal.writeNow("chat-a", "m1")).hasMessageContaining("database is down");

        assertThat(written).isEmpty();
        List<Posted> drained = journal.drain();
        assertThat(drained).extracting(Posted::messageId).containsExactly("m1");
        journal.putBack(drained);
        assertThat(journal.drain()).hasSize(1);
    }
}
