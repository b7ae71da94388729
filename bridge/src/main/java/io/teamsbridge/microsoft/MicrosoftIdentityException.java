package io.teamsbridge.microsoft;

/**
 * The identity platform refused a request or could not be reached.
 *
 * @param error the OAuth error code ({@code invalid_grant}, {@code invalid_client}, ...), or
 *     {@code unreachable}
 */
public final class MicrosoftIdentityException extends RuntimeException {
    private final String error;

    public MicrosoftIdentityException(String error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public String error() {
        return error;
    }

    /** Microsoft no longer accepts the grant (revoked, expired, password changed): only a new sign-in helps. */
    public boolean grantRejected() {
        return "invalid_grant".equals(error) || "interaction_required".equals(error);
    }
}
