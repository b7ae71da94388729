package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Interceptor;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.util.Optional;

/** The server's {@code MaximumPayloadSizeBytes} check (default 300,000): a larger body is a 413. */
final class PayloadLimitInterceptor implements Interceptor {
    private final ServerConfig config;

    PayloadLimitInterceptor(ServerConfig config) {
        this.config = config;
    }

    @Override
    public Optional<Response> before(Request request) {
        if (FileRoutes.isUpload(request)) {
            // The upload route is capped at MaxFileSize (plus room for the form) instead.
            if (request.body().length > config.current().maxFileSize() + 512) {
                return Optional.of(Wire.error(new AppError(413, "api.file.upload_file.too_large_detailed.app_error",
                        "Unable to upload file(s). File is larger than the maximum file size.")));
            }
            return Optional.empty();
        }
        if (request.body().length > config.current().maximumPayloadSizeBytes()) {
            return Optional.of(Wire.error(new AppError(413, "api.context.request_body_too_large.app_error",
                    "The request body is too large.")));
        }
        return Optional.empty();
    }
}
