package io.teamsbridge.microsoft.changes;

/**
 * A notification request larger than Graph would ever send: too many bytes, notifications or
 * tokens. Answered 413 at once; the rest of the body is not read.
 */
public final class OversizedNotificationException extends MalformedNotificationException {
    public OversizedNotificationException(String message) {
        super(message);
    }
}
