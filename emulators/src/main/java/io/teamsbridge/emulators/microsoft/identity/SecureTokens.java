package io.teamsbridge.emulators.microsoft.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes unguessable opaque strings for codes and refresh tokens. Thread-safe. */
final class SecureTokens {
    private final SecureRandom random = new SecureRandom();

    /** {@code prefix} followed by {@code bytes} random bytes in base64url, like Entra's opaque "1.AV…" values. */
    String next(String prefix, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
