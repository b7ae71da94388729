package io.teamsbridge.mattermost;

/**
 * Mattermost answered with an error, or could not be reached (status 0).
 *
 * @param errorId Mattermost's error id such as {@code api.context.session_expired.app_error}
 */
public final class MattermostException extends RuntimeException {
    private final int status;
    private final String errorId;

    public MattermostException(int status, String errorId, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorId = errorId;
    }

    public int status() {
        return status;
    }

    public String errorId() {
        return errorId;
    }

    /** Mattermost no longer accepts the bot's token: nothing the bot sends can succeed until it is fixed. */
    public boolean botUnauthorized() {
        return status == 401;
    }

    /** Worth trying again later: unreachable, throttled or a server-side failure. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }
}
