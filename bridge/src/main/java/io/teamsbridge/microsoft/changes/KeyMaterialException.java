package io.teamsbridge.microsoft.changes;

/**
 * A private key or certificate that cannot be used: unreadable, the wrong kind, or not a pair.
 * The message says which; it never contains key material.
 */
public final class KeyMaterialException extends RuntimeException {
    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
