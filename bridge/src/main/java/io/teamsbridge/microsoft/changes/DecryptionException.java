package io.teamsbridge.microsoft.changes;

/**
 * Resource data that could not be decrypted. The message names what failed (unknown key, bad
 * signature, bad padding…) and never contains key material or plaintext. None of the reasons
 * goes away by retrying the same notification.
 */
public final class DecryptionException extends RuntimeException {
    /** What failed, for callers that count or branch on it. */
    public enum Reason {
        /** A required member is missing or is not base64 or the wrong length. */
        MALFORMED,
        /** No key held for the certificate id / thumbprint the notification names. */
        UNKNOWN_KEY,
        /** RSA-OAEP could not unwrap the data key: encrypted for another key, or altered. */
        KEY_UNWRAP_FAILED,
        /** The HMAC over the ciphertext does not match: altered, or for another key. */
        BAD_SIGNATURE,
        /** AES-CBC padding was wrong even though the signature matched. */
        BAD_PADDING
    }

    private final Reason reason;

    public DecryptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
