package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unauthenticated system routes: {@code GET /system/ping} and
 * {@code GET /config/client?format=old}, the limited client configuration in which every value is
 * a string (the bridge reads {@code MaxPostSize} there).
 */
final class SystemRoutes {
    private final ServerConfig config;

    SystemRoutes(ServerConfig config) {
        this.config = config;
    }

    void register(ApiRouter api) {
        api.anonymous("GET", "/system/ping", this::ping).anonymous("GET", "/config/client", this::clientConfig);
    }

    private Response ping(Request request) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("ActiveSearchBackend", "database");
        body.put("AndroidLatestVersion", "");
        body.put("AndroidMinVersion", "");
        body.put("IosLatestVersion", "");
        body.put("IosMinVersion", "");
        body.put("status", "OK");
        if (Boolean.parseBoolean(request.queryParam("get_server_status").orElse("false"))) {
            body.put("database_status", "OK");
            body.put("filestore_status", "OK");
        }
        return Wire.ok(body);
    }

    private Response clientConfig(Request request) {
        if (!"old".equals(request.queryParam("format").orElse(""))) {
            throw new AppError(501, "api.config.client.old_format.app_error",
                    "New format for the client configuration is not supported yet. Please specify format=old in the"
                            + " query string.");
        }
        ServerSettings s = config.current();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Version", s.version());
        body.put("BuildNumber", s.version());
        body.put("BuildDate", "");
        body.put("BuildHash", "emulator");
        body.put("BuildEnterpriseReady", "false");
        body.put("SiteURL", s.siteUrl());
        body.put("SiteName", "Mattermost");
        body.put("MaxPostSize", Integer.toString(s.maxPostSize()));
        body.put("EnableCommands", Boolean.toString(s.enableCommands()));
        body.put("EnableBotAccountCreation", Boolean.toString(s.enableBotAccountCreation()));
        body.put("EnableUserAccessTokens", Boolean.toString(s.enableUserAccessTokens()));
        body.put("EnablePostUsernameOverride", Boolean.toString(s.enablePostUsernameOverride()));
        body.put("EnablePostIconOverride", Boolean.toString(s.enablePostIconOverride()));
        body.put("ShowEmailAddress", Boolean.toString(s.showEmailAddress()));
        body.put("ShowFullName", Boolean.toString(s.showFullName()));
        body.put("DiagnosticsEnabled", "false");
        body.put("EnableFileAttachments", Boolean.toString(s.enableFileAttachments()));
        body.put("MaxFileSize", Long.toString(s.maxFileSize()));
        return Wire.ok(body);
    }
}
