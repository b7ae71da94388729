package io.teamsbridge.emulators.http;

/**
 * Thrown by a handler to answer with an error; each emulator's {@link ErrorRenderer} turns it into
 * the wire shape of the service it imitates (Graph's {@code {"error":{...}}}, Mattermost's
 * AppError, ...).
 */
public class HttpError extends RuntimeException {
    private final int status;
    private final String code;

    public HttpError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
