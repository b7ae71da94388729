package io.teamsbridge.microsoft;

/**
 * Graph answered with an error, or could not be reached (status 0).
 *
 * @param code Graph's error code such as {@code InvalidAuthenticationToken}
 */
public final class GraphException extends RuntimeException {
    private final int status;
    private final String code;
    private final java.time.Duration retryAfter;

    public GraphException(int status, String code, String message, Throwable cause) {
        this(status, code, message, cause, null);
    }

    public GraphException(int status, String code, String message, Throwable cause, java.time.Duration retryAfter) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** How long Graph asked us to wait, when it said. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /** Worth trying again later: unreachable, throttled or a server-side failure. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }

    /**
     * Asking again cannot help: the request is wrong, or the chat is gone or not ours to read
     * (400, 403, 404, 410). A 401 is not here: it concerns the token, which is fetched anew.
     */
    public boolean permanentFailure() {
        return status == 400 || status == 403 || status == 404 || status == 410;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
