package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inbox's keys: one per change, and in the order the messages were sent whatever their chats. */
class InboxKeysTest {
    private static MessageRef ref(String chatId, String messageId) {
        return MessageRef.parse("chats('" + chatId + "')/messages('" + messageId + "')").orElseThrow();
    }

    @Test
    void newMessagesInManyChatsSortInTheOrderTheyWereSent() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String chat = "19:" + Integer.toHexString((i * 7919) % 1000 + 4096) + "@thread.v2";
            keys.add(InboxKeys.of(ChangeType.CREATED, ref(chat, Long.toString(1_733_475_600_000L + i)), "ignored"));
        }

        assertThat(keys).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aChangeIsToldApartByTypeChatMessageAndAnEditsVersion() {
        MessageRef message = ref("19:a1b2@thread.v2", "1733475600123");

        assertThat(InboxKeys.of(ChangeType.CREATED, message, "v1")).isEqualTo("created|1733475600123|19:a1b2@thread.v2|")
                .isEqualTo(InboxKeys.of(ChangeType.CREATED, message, "v2"));
        assertThat(InboxKeys.of(ChangeType.UPDATED, message, "v1")).isEqualTo("updated|1733475600123|19:a1b2@thread.v2|v1")
                .isNotEqualTo(InboxKeys.of(ChangeType.UPDATED, message, "v2"));
        assertThat(InboxKeys.of(ChangeType.DELETED, message, "")).isNotEqualTo(InboxKeys.of(ChangeType.CREATED, message, ""));
        assertThat(InboxKeys.of(ChangeType.CREATED, ref("19:c5@thread.v2", "1733475600123"), ""))
                .isNotEqualTo(InboxKeys.of(ChangeType.CREATED, message, ""));
    }
}
