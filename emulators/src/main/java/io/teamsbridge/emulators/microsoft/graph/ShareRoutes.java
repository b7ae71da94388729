package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.drive.SharedFiles;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /shares/{id}/driveItem} and {@code …/driveItem/content}: a shared file's metadata and
 * bytes, found by its encoded web address. Needs a files permission; {@code Chat.Read.All} is not one.
 */
final class ShareRoutes {
    static final String ITEM = GraphApi.PREFIX + "/shares/{shareId}/driveItem";
    static final String CONTENT = ITEM + "/content";
    private static final Set<String> DELEGATED = Set.of("Files.Read", "Files.ReadWrite", "Files.Read.All", "Files.ReadWrite.All",
            "Sites.Read.All", "Sites.ReadWrite.All");
    private static final Set<String> APPLICATION = Set.of("Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All",
            "Sites.ReadWrite.All");

    private final SharedFiles files;
    private final GraphAuth auth;
    private final GraphResponses responses;

    ShareRoutes(SharedFiles files, GraphAuth auth, GraphResponses responses) {
        this.files = files;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        router.get(ITEM, this::item).get(CONTENT, this::content);
    }

    private Response item(Request request) {
        SharedFiles.DriveFile file = file(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("shares('" + request.pathParam("shareId") + "')/driveItem/$entity"));
        body.put("id", file.id());
        body.put("name", file.name());
        body.put("size", file.bytes().length);
        body.put("webUrl", file.webUrl());
        body.put("file", Map.of("mimeType", file.contentType()));
        return responses.json(request, 200, body);
    }

    private Response content(Request request) {
        SharedFiles.DriveFile file = file(request);
        return new Response(200, Map.of("Content-Type", file.contentType()), file.bytes());
    }

    private SharedFiles.DriveFile file(Request request) {
        Caller caller = auth.caller(request);
        if (!caller.hasAny(DELEGATED, APPLICATION)) {
            throw new HttpError(403, "accessDenied", "Access denied: the request needs one of "
                    + String.join(", ", caller.delegated() ? DELEGATED : APPLICATION) + ".");
        }
        return files.byShareId(request.pathParam("shareId")).orElseThrow(() -> new HttpError(404, "itemNotFound",
                "The sharing link no longer exists, or you do not have permission to access it."));
    }
}
