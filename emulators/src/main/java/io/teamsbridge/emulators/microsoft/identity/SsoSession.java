package io.teamsbridge.emulators.microsoft.identity;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulated browser SSO session, set through the control API: while it names a user,
 * {@code /authorize} signs that user in with consent given, like a returning user who already
 * accepted. It stays until cleared; signing in does not use it up.
 */
final class SsoSession {
    private final AtomicReference<String> userId = new AtomicReference<>();

    void start(String id) {
        userId.set(id);
    }

    void end() {
        userId.set(null);
    }

    Optional<String> userId() {
        return Optional.ofNullable(userId.get());
    }
}
