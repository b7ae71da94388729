package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.net.URLConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /files} in both of the server's forms (a raw body with {@code channel_id} and
 * {@code filename} in the query, or {@code multipart/form-data} with {@code channel_id} first,
 * optional {@code client_ids}, then the files), and {@code GET /files/{file_id}}. Needs
 * {@code upload_file} on the channel and {@code EnableFileAttachments}; the size limit is
 * {@link PayloadLimitInterceptor}'s.
 */
final class FileRoutes {
    private final FileStore files;
    private final ChannelStore channels;
    private final PostStore posts;
    private final Permissions permissions;
    private final ServerConfig config;
    private final Clock clock;

    FileRoutes(FileStore files, ChannelStore channels, PostStore posts, Permissions permissions, ServerConfig config, Clock clock) {
        this.files = files;
        this.channels = channels;
        this.posts = posts;
        this.permissions = permissions;
        this.config = config;
        this.clock = clock;
    }

    static boolean isUpload(Request request) {
        return "POST".equals(request.method()) && (ApiRouter.PREFIX + "/files").equals(request.path());
    }

    void register(ApiRouter api) {
        api.post("/files", this::upload).get("/files/{file_id}", this::download);
    }

    private record Incoming(String name, String contentType, byte[] bytes) {}

    private Response upload(Request request, Caller caller) {
        if (!config.current().enableFileAttachments()) {
            throw new AppError(403, "api.file.attachments.disabled.app_error",
                    "File attachments have been disabled on this server.");
        }
        String contentType = request.header("Content-Type").orElse("");
        String channelId;
        List<String> clientIds = new ArrayList<>();
        List<Incoming> incoming = new ArrayList<>();
        if (MultipartForm.is(contentType)) {
            channelId = null;
            for (MultipartForm.Part part : MultipartForm.parse(contentType, request.body())) {
                if (part.isFile()) {
                    if (channelId == null) {
                        throw AppError.invalidUrlParam("channel_id"); // the streamed form needs channel_id first
                    }
                    incoming.add(new Incoming(part.filename(), part.contentType(), part.bytes()));
                } else if (part.name().equals("channel_id")) {
                    channelId = part.text();
                } else if (part.name().equals("client_ids")) {
                    clientIds.add(part.text());
                } else {
                    throw AppError.invalidUrlParam(part.name());
                }
            }
            if (channelId == null) {
                throw AppError.invalidUrlParam("channel_id");
            }
        } else {
            channelId = request.queryParam("channel_id").orElseThrow(() -> AppError.invalidUrlParam("channel_id"));
            String filename = request.queryParam("filename").orElseThrow(() -> AppError.invalidUrlParam("filename"));
            if (request.body().length == 0) {
                throw new AppError(400, "api.file.upload_file.read_request.app_error", "Unable to upload file(s). Error reading the request.");
            }
            request.queryParam("client_id").ifPresent(clientIds::add);
            incoming.add(new Incoming(filename, contentType, request.body()));
        }
        if (incoming.isEmpty()) {
            throw new AppError(400, "api.file.upload_file.no_files.app_error", "No files were found in the request.");
        }
        if (!clientIds.isEmpty() && clientIds.size() != incoming.size()) {
            throw new AppError(400, "api.file.upload_file.incorrect_number_of_client_ids.app_error",
                    "Unable to upload file(s). Have " + clientIds.size() + " client_ids for " + incoming.size() + " files.");
        }
        for (Incoming file : incoming) {
            if (file.bytes().length > config.current().maxFileSize()) {
                throw new AppError(413, "api.file.upload_file.too_large_detailed.app_error",
                        "Unable to upload file " + file.name() + ". File is larger than the maximum file size.");
            }
        }
        String channel = channelId;
        Channel target = channels.get(channel).filter(c -> c.deleteAt() == 0).orElseThrow(AppError::permission);
        if (!permissions.hasOnChannel(caller.user(), target, Permission.UPLOAD_FILE)) {
            throw AppError.permission();
        }
        List<FileInfo> infos = new ArrayList<>();
        long now = clock.millis();
        for (Incoming file : incoming) {
            String name = file.name().replaceAll("[\\\\/]", "_");
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            String mime = mimeType(file.contentType(), name);
            infos.add(files.add(new FileInfo(Ids.newId(), caller.userId(), "", target.id(), now, now, 0, name, extension,
                    file.bytes().length, mime, mime.startsWith("image/"), file.bytes())));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("file_infos", infos);
        answer.put("client_ids", clientIds);
        return Wire.created(answer);
    }

    private Response download(Request request, Caller caller) {
        FileInfo file = files.get(request.pathParam("file_id")).filter(f -> f.deleteAt() == 0)
                .orElseThrow(() -> new AppError(404, "app.file_info.get.app_error", "Unable to get the file info."));
        boolean allowed = file.userId().equals(caller.userId()) || file.attached() && posts.get(file.postId())
                .flatMap(p -> channels.get(p.channelId()))
                .filter(c -> permissions.hasOnChannel(caller.user(), c, Permission.READ_CHANNEL))
                .isPresent();
        if (!allowed) {
            throw AppError.permission();
        }
        boolean download = "1".equals(request.queryParam("download").orElse("")) || "true".equals(request.queryParam("download").orElse(""));
        return new Response(200, Map.of("Content-Type", file.mimeType(),
                "Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + file.name().replace("\"", "") + "\""),
                file.bytes());
    }

    /** The server goes by the name's extension; what the client declared is the fallback. */
    static String mimeType(String declared, String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        if (guessed != null) {
            return guessed;
        }
        if (declared != null && !declared.isBlank() && !MultipartForm.is(declared)) {
            return declared.replaceAll(";.*$", "").strip().toLowerCase(Locale.ROOT);
        }
        return "application/octet-stream";
    }
}
