package io.teamsbridge.microsoft.changes;

/**
 * A request body that is not a change notification collection. The message says where and what
 * was wrong but never quotes the body, which may hold a clientState or tokens.
 */
public class MalformedNotificationException extends RuntimeException {
    public MalformedNotificationException(String message) {
        super(message);
    }
}
