package io.teamsbridge.emulators.microsoft.identity;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The application permissions an administrator has consented to; an app-only token minted after a
 * change carries them as its {@code roles} (tokens already issued keep theirs, as in Entra).
 * Optional permissions such as {@code Files.Read.All} are granted and withdrawn through the
 * control API.
 */
public final class AdminConsent {
    private final Set<String> application = new CopyOnWriteArraySet<>(AppRegistration.APPLICATION_PERMISSIONS);

    public void grant(String permission) {
        application.add(permission);
    }

    public void revoke(String permission) {
        application.remove(permission);
    }

    public List<String> applicationPermissions() {
        return List.copyOf(application);
    }
}
