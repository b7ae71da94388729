package io.teamsbridge.microsoft;

/**
 * Graph answered with an error, or could not be reached (status 0).
 *
 * @param code Graph's error code such as {@code InvalidAuthenticationToken}
 */
public final class GraphException extends RuntimeException {
    private final int status;
    private final String code;

    public GraphException(int status, String code, String message, Throwable cause) {
        super(message, cause);
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
