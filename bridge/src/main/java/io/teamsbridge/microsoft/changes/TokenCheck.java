package io.teamsbridge.microsoft.changes;

/** The verdict on a batch's validation tokens. */
public sealed interface TokenCheck {
    /** Every token is valid. */
    record Valid() implements TokenCheck {}

    /**
     * At least one token is missing or invalid; the batch must be rejected.
     *
     * @param reason which token and why, for a log line; holds no token text
     */
    record Invalid(String reason) implements TokenCheck {}
}
