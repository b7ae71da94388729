package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.drive.SharedFiles;
import io.teamsbridge.emulators.microsoft.identity.AdminConsent;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The control API's files: {@code POST /_sandbox/files} stores a file as SharePoint would and
 * answers its {@code contentUrl} (for a {@code reference} attachment); {@code PUT} and
 * {@code DELETE /_sandbox/app/permissions/{permission}} grant and withdraw an application
 * permission such as {@code Files.Read.All}, for app tokens minted afterwards.
 */
final class DriveControlRoutes {
    private static final String P = "/_sandbox";
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final SharedFiles files;
    private final AdminConsent consent;

    DriveControlRoutes(SharedFiles files, AdminConsent consent) {
        this.files = files;
        this.consent = consent;
    }

    void register(Router router) {
        router.post(P + "/files", this::upload)
                .put(P + "/app/permissions/{permission}", this::grant)
                .delete(P + "/app/permissions/{permission}", this::revoke);
    }

    private Response upload(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("name", "contentType", "contentBytes"));
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(body.requiredText("contentBytes"));
        } catch (IllegalArgumentException e) {
            throw ControlBody.badRequest("Field 'contentBytes' must be base64: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw ControlBody.badRequest("A shared file holds at most " + MAX_BYTES + " bytes here.");
        }
        SharedFiles.DriveFile file = files.add(body.requiredText("name"), body.requiredText("contentType"), bytes);
        return Response.json(201, Map.of("contentUrl", file.webUrl(), "id", file.id()));
    }

    private Response grant(Request request) {
        consent.grant(request.pathParam("permission"));
        return Response.json(200, Map.of("applicationPermissions", consent.applicationPermissions()));
    }

    private Response revoke(Request request) {
        consent.revoke(request.pathParam("permission"));
        return Response.json(200, Map.of("applicationPermissions", consent.applicationPermissions()));
    }
}
