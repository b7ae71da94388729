package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageRefTest {
    @Test
    void readsGraphsODataResourcePath() {
        assertThat(MessageRef.parse("chats('19:2da4c29f6d7041eca70b638b43d45437@thread.v2')/messages('1616964509832')"))
                .contains(new MessageRef("19:2da4c29f6d7041eca70b638b43d45437@thread.v2", "1616964509832"));
    }

    @Test
    void readsThePlainPathForm() {
        assertThat(MessageRef.parse("/chats/19:abc@unq.gbl.spaces/messages/42")).contains(new MessageRef("19:abc@unq.gbl.spaces", "42"));
    }

    @Test
    void refusesOtherResources() {
        assertThat(MessageRef.parse("teams('x')/channels('y')/messages('1')")).isEmpty();
        assertThat(MessageRef.parse("chats('x')")).isEmpty();
        assertThat(MessageRef.parse(null)).isEmpty();
        assertThat(MessageRef.parse("chats('" + "x".repeat(700) + "')/messages('1')")).isEmpty();
    }
}
