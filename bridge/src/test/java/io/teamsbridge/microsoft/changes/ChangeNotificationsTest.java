package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class ChangeNotificationsTest {
    /** The documented shape (changeNotificationCollection), with members Graph may add. */
    private static final String CHAT_MESSAGE_CREATED = """
            {"value":[{"subscriptionId":"10493aa0-4d29-4df5-bc0c-ef742cc6cd7f",
              "subscriptionExpirationDateTime":"2021-02-02T10:30:34.9097561-08:00",
              "changeType":"created","clientState":"s3cret-client-state","tenantId":"e61ef81e-8bd8-476a-92e8-4a62f8426fca",
              "id":"optional-notification-id","organizationId":"e61ef81e-8bd8-476a-92e8-4a62f8426fca",
              "resource":"chats('19:8ea0e38b@unq.gbl.spaces')/messages('1612289765949')",
              "resourceData":{"id":"1612289765949","@odata.type":"#Microsoft.Graph.chatMessage",
                "@odata.id":"chats('19:8ea0e38b@unq.gbl.spaces')/messages('1612289765949')","@odata.etag":"1612289765949"},
              "encryptedContent":{"data":"ZGF0YQ==","dataSignature":"c2ln","dataKey":"a2V5",
                "encryptionCertificateId":"teams-bridge-1","encryptionCertificateThumbprint":"4B95353E086AD37196606ACF834A14532F03E6DB"}}],
             "validationTokens":["eyJ0eXAiOiJKV1QifQ.e30.c2ln"]}
            """;

    @Test
    void mapsARichChatMessageNotification() {
        ChangeNotificationCollection batch = parse(CHAT_MESSAGE_CREATED);

        assertThat(batch.validationTokens()).containsExactly("eyJ0eXAiOiJKV1QifQ.e30.c2ln");
        ChangeNotification n = batch.value().getFirst();
        assertThat(n.subscriptionId()).isEqualTo("10493aa0-4d29-4df5-bc0c-ef742cc6cd7f");
        assertThat(n.subscriptionExpirationDateTime()).isEqualTo("2021-02-02T10:30:34.9097561-08:00");
        assertThat(n.changeType()).isEqualTo("created");
        assertThat(n.clientState()).isEqualTo("s3cret-client-state");
        assertThat(n.tenantId()).isEqualTo("e61ef81e-8bd8-476a-92e8-4a62f8426fca");
        assertThat(n.resource()).isEqualTo("chats('19:8ea0e38b@unq.gbl.spaces')/messages('1612289765949')");
        assertThat(n.resourceData()).isEqualTo(new ResourceData("1612289765949", "#Microsoft.Graph.chatMessage",
                "chats('19:8ea0e38b@unq.gbl.spaces')/messages('1612289765949')"));
        assertThat(n.encryptedContent()).isEqualTo(new EncryptedContent("ZGF0YQ==", "c2ln", "a2V5", "teams-bridge-1",
                "4B95353E086AD37196606ACF834A14532F03E6DB"));
        assertThat(n.isLifecycleEvent()).isFalse();
    }

    @Test
    void mapsTheSyntheticChatVector() {
        ChangeNotificationCollection batch = ChangeNotifications.parse(SharedVectors.bytes("synthetic-chat-notification.json"));

        assertThat(batch.value()).singleElement().satisfies(n -> {
            assertThat(n.resourceData().odataType()).isEqualTo("#Microsoft.Graph.chatMessage");
            assertThat(n.encryptedContent().encryptionCertificateThumbprint()).isEqualTo(SharedVectors.THUMBPRINT);
        });
    }

    @Test
    void mapsALifecycleNotificationWithoutTokens() {
        ChangeNotificationCollection batch = parse("""
                {"value":[{"subscriptionId":"7d2e5d5c","subscriptionExpirationDateTime":"2026-05-04T13:00:00Z",
                  "tenantId":"e61ef81e","clientState":"s","lifecycleEvent":"reauthorizationRequired"}]}""");

        assertThat(batch.validationTokens()).isEmpty();
        assertThat(batch.value().getFirst().isLifecycleEvent()).isTrue();
        assertThat(batch.value().getFirst().lifecycleEvent()).isEqualTo("reauthorizationRequired");
        assertThat(batch.value().getFirst().encryptedContent()).isNull();
        assertThat(parse("{\"value\":[],\"validationTokens\":null}").validationTokens()).isEmpty();
    }

    @Test
    void takesUpToAThousandNotificationsAndRefusesMoreWithoutReadingOn() {
        String one = "{\"subscriptionId\":\"s\",\"changeType\":\"created\"}";
        String atLimit = "{\"value\":[" + String.join(",", Collections.nCopies(ChangeNotifications.MAX_ITEMS, one)) + "]}";
        assertThat(parse(atLimit).value()).hasSize(ChangeNotifications.MAX_ITEMS);

        // Past the limit the rest of the body is never looked at: here it is not even JSON.
        String over = "{\"value\":[" + "{},".repeat(ChangeNotifications.MAX_ITEMS) + "{}, this is never read";
        assertThatThrownBy(() -> parse(over))
                .isInstanceOf(OversizedNotificationException.class)
                .hasMessage("the collection holds more than 1000 notifications");
        String tokens = "{\"value\":[],\"validationTokens\":[" + "\"t\",".repeat(ChangeNotifications.MAX_VALIDATION_TOKENS) + "\"t\"]}";
        assertThatThrownBy(() -> parse(tokens)).isInstanceOf(OversizedNotificationException.class);
    }

    @Test
    void refusesBodiesLongerThanItsLimitAtTheFirstByteOver() {
        ChangeNotifications small = new ChangeNotifications(100);
        byte[] body = ("{\"value\":[{\"clientState\":\"" + "a".repeat(200) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.read(new java.io.ByteArrayInputStream(body)))
                .isInstanceOf(OversizedNotificationException.class)
                .hasMessage("the body is longer than 100 bytes");
        assertThat(small.read(new java.io.ByteArrayInputStream("{\"value\":[]}".getBytes(StandardCharsets.UTF_8))).value()).isEmpty();
    }

    @Test
    void refusesImplausibleStringsNamesNumbersAndNesting() {
        assertMalformed("{\"value\":[{\"resource\":\"" + "r".repeat(ChangeNotifications.MAX_STRING_CHARS + 1) + "\"}]}",
                "the body is not a plausible change notification collection: a string is longer than");
        assertMalformed("{\"" + "n".repeat(ChangeNotifications.MAX_NAME_CHARS + 1) + "\":1,\"value\":[]}",
                "the body is not a plausible change notification collection: a member name is longer than");
        assertMalformed("{\"x\":" + "9".repeat(ChangeNotifications.MAX_NUMBER_CHARS + 1) + ",\"value\":[]}",
                "the body is not a plausible change notification collection: a number is longer than");
        assertMalformed("{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"value\":[]}",
                "the body is not a plausible change notification collection: the JSON is nested deeper than");
        assertMalformed("{\"value\":[{\"resourceData\":" + "{\"a\":".repeat(20) + "1" + "}".repeat(21) + "]}",
                "the body is not a plausible change notification collection: the JSON is nested deeper than");
    }

    @Test
    void saysWhatIsWrongWithMalformedBodies() {
        assertMalformed("", "the body is empty");
        assertMalformed(" \n ", "the body is empty");
        assertMalformed("clientState=s3cret", "the body is not valid JSON (line 1, column");
        assertMalformed("{\"value\":[]} trailing", "the body is not valid JSON");
        assertMalformed("{\"value\":[{\"clientState\":\"a\",\"clientState\":\"s3cret\"}]}", "the body is not valid JSON");
        assertMalformed("[{\"value\":[]}]", "the body is a JSON array, not a change notification collection object");
        assertMalformed("{\"values\":[]}", "the body has no 'value' array of notifications");
        assertMalformed("{\"value\":{\"clientState\":\"s3cret\"}}", "'value' is a JSON object, not an array of notifications");
        assertMalformed("{\"value\":[null]}", "'value[0]' is a JSON null, not a notification object");
        assertMalformed("{\"value\":[{}, {\"resourceData\":[\"s3cret\"]}]}", "'value[1].resourceData' has the wrong type: expected an object");
        assertMalformed("{\"value\":[{\"clientState\":{\"s3cret\":1}}]}", "'value[0].clientState' has the wrong type: expected a string");
        assertMalformed("{\"value\":[{\"encryptedContent\":{\"data\":[]}}]}", "'value[0].encryptedContent.data' has the wrong type: expected a string");
        assertMalformed("{\"value\":[],\"validationTokens\":\"s3cret\"}", "'validationTokens' is a JSON string, not an array of strings");
        assertMalformed("{\"value\":[],\"validationTokens\":[{\"t\":\"s3cret\"}]}", "'validationTokens[0]' is a JSON object, not a string");
    }

    @Test
    void toStringLeavesOutSecretsAndTokens() {
        ChangeNotificationCollection batch = parse(CHAT_MESSAGE_CREATED);

        assertThat(batch.toString()).isEqualTo("ChangeNotificationCollection[1 notifications, 1 validation tokens]");
        assertThat(batch.value().getFirst().toString()).doesNotContain("s3cret").doesNotContain("ZGF0YQ==").contains("created");
        assertThat(batch.value().getFirst().encryptedContent().toString()).doesNotContain("ZGF0YQ==").contains("teams-bridge-1");
    }

    private static ChangeNotificationCollection parse(String json) {
        return ChangeNotifications.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(MalformedNotificationException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }
}
