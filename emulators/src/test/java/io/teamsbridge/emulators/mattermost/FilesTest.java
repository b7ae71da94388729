package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** File upload in both forms, attaching to posts within the server's rules, downloads, and the control views. */
class FilesTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;
    private static MattermostControlClient.Bot bot;

    @BeforeAll
    static void start() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults());
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
        bot = control.createBot("uploader", "Uploader", null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String dm(String userId) {
        return rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json().get("id").stringValue();
    }

    /** A form as a browser sends it: fields in order, files with a name and type. */
    private static RestClient.Reply multipart(String token, List<String[]> fields, List<Object[]> files) {
        String boundary = "b0undary";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : fields) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Object[] file : files) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file[0]
                    + "\"\r\nContent-Type: " + file[1] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) file[2]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return rest.postBytes("/api/v4/files", token, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static String upload(String channelId, String name, byte[] bytes) {
        RestClient.Reply reply = multipart(bot.token(), List.<String[]>of(new String[] {"channel_id", channelId}),
                List.<Object[]>of(new Object[] {name, "image/png", bytes}));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("file_infos").get(0).get("id").stringValue();
    }

    @Test
    void aMultipartUploadAnswersFileInfosAndTheClientIds() {
        String channel = dm(control.createUser("mp", "mp@example.com"));

        RestClient.Reply reply = multipart(bot.token(), List.of(new String[] {"channel_id", channel}, new String[] {"client_ids", "c1"},
                new String[] {"client_ids", "c2"}), List.of(new Object[] {"a.png", "image/png", PNG}, new Object[] {"notes.txt", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)}));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode infos = reply.json().get("file_infos");
        assertThat(infos).hasSize(2);
        assertThat(infos.get(0).get("name").stringValue()).isEqualTo("a.png");
        assertThat(infos.get(0).get("extension").stringValue()).isEqualTo("png");
        assertThat(infos.get(0).get("mime_type").stringValue()).isEqualTo("image/png");
        assertThat(infos.get(0).get("size").asLong()).isEqualTo(PNG.length);
        assertThat(infos.get(0).get("user_id").stringValue()).isEqualTo(bot.userId());
        assertThat(infos.get(0).get("post_id").stringValue()).isEmpty();
        assertThat(infos.get(1).get("mime_type").stringValue()).isEqualTo("text/plain");
        assertThat(reply.json().get("client_ids").values()).extracting(JsonNode::stringValue).containsExactly("c1", "c2");
    }

    @Test
    void theRawFormTakesChannelAndNameFromTheQuery() {
        String channel = dm(control.createUser("raw", "raw@example.com"));

        RestClient.Reply reply = rest.postBytes("/api/v4/files?channel_id=" + channel + "&filename=b.png", bot.token(), "image/png", PNG);
        RestClient.Reply empty = rest.postBytes("/api/v4/files?channel_id=" + channel + "&filename=b.png", bot.token(), "image/png",
                new byte[0]);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("file_infos").get(0).get("name").stringValue()).isEqualTo("b.png");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void uploadsAreRefusedAsTheServerRefusesThem() {
        String member = control.createUser("refused", "refused@example.com");
        String channel = dm(member);
        String outsider = control.createUser("outsider", "outsider@example.com");

        RestClient.Reply mismatch = multipart(bot.token(), List.of(new String[] {"channel_id", channel}, new String[] {"client_ids", "only-one"}),
                List.of(new Object[] {"a.png", "image/png", PNG}, new Object[] {"b.png", "image/png", PNG}));
        RestClient.Reply notMember = multipart(control.createToken(outsider), List.<String[]>of(new String[] {"channel_id", channel}),
                List.<Object[]>of(new Object[] {"a.png", "image/png", PNG}));
        control.config(Map.of("MaxFileSize", 4));
        RestClient.Reply tooLarge = rest.postBytes("/api/v4/files?channel_id=" + channel + "&filename=c.png", bot.token(), "image/png",
                new byte[600]);
        control.config(Map.of("MaxFileSize", 100L * 1024 * 1024, "EnableFileAttachments", false));
        RestClient.Reply disabled = rest.postBytes("/api/v4/files?channel_id=" + channel + "&filename=c.png", bot.token(), "image/png", PNG);
        JsonNode clientConfig = rest.get("/api/v4/config/client?format=old", null).json();
        control.config(Map.of("EnableFileAttachments", true));

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("id").stringValue()).isEqualTo("api.file.upload_file.incorrect_number_of_client_ids.app_error");
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("id").stringValue()).isEqualTo("api.file.upload_file.too_large_detailed.app_error");
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.json().get("id").stringValue()).isEqualTo("api.file.attachments.disabled.app_error");
        assertThat(clientConfig.get("EnableFileAttachments").stringValue()).isEqualTo("false");
        assertThat(clientConfig.get("MaxFileSize").stringValue()).isEqualTo(Long.toString(100L * 1024 * 1024));
    }

    @Test
    void aPostCarriesTheFilesItMayAttachAndDropsTheOthers() {
        String userId = control.createUser("attach", "attach@example.com");
        String channel = dm(userId);
        String mine = upload(channel, "mine.png", PNG);
        String elsewhere = upload(dm(control.createUser("other", "other@example.com")), "elsewhere.png", PNG);

        RestClient.Reply created = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channel, "message", "with files",
                "file_ids", List.of(mine, elsewhere, "nosuchfile")));
        RestClient.Reply again = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channel, "message", "reused",
                "file_ids", List.of(mine)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("file_ids").values()).extracting(JsonNode::stringValue).containsExactly(mine);
        assertThat(created.json().get("metadata").get("files").get(0).get("post_id").stringValue())
                .isEqualTo(created.json().get("id").stringValue());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("file_ids").isEmpty()).as("a file is attached once").isTrue();

        JsonNode listed = control.botPosts(userId).stream().filter(p -> p.path("message").asString().equals("with files")).findFirst()
                .orElseThrow();
        assertThat(listed.get("files")).hasSize(1);
        assertThat(listed.get("files").get(0).get("name").stringValue()).isEqualTo("mine.png");
        assertThat(listed.get("files").get(0).get("mime_type").stringValue()).isEqualTo("image/png");
        MattermostControlClient.FileBytes bytes = control.file(mine);
        assertThat(bytes.bytes()).isEqualTo(PNG);
        assertThat(bytes.contentType()).isEqualTo("image/png");
    }

    @Test
    void elevenFilesAreMoreThanAPostTakes() {
        String channel = dm(control.createUser("eleven", "eleven@example.com"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(upload(channel, "f" + i + ".png", PNG));
        }

        RestClient.Reply reply = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channel, "message", "x", "file_ids", ids));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("id").stringValue()).isEqualTo("model.post.is_valid.file_ids.app_error");
    }

    @Test
    void aFileIsReadByItsUploaderAndByMembersOfItsPostsChannel() {
        String userId = control.createUser("reads", "reads@example.com");
        String channel = dm(userId);
        String file = upload(channel, "r.png", PNG);
        rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channel, "message", "r", "file_ids", List.of(file)));
        String outsider = control.createToken(control.createUser("peeker", "peeker@example.com"));

        RestClient.Reply byMember = rest.get("/api/v4/files/" + file + "?download=1", control.createToken(userId));

        assertThat(byMember.status()).isEqualTo(200);
        assertThat(byMember.header("Content-Type")).isEqualTo("image/png");
        assertThat(byMember.header("Content-Disposition")).isEqualTo("attachment; filename=\"r.png\"");
        assertThat(rest.get("/api/v4/files/" + file, outsider).status()).isEqualTo(403);
        assertThat(rest.get("/api/v4/files/nosuchfile", outsider).status()).isEqualTo(404);
    }
}
