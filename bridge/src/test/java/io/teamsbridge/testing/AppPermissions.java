package io.teamsbridge.testing;

import io.teamsbridge.microsoft.AppTokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The app's token as far as its application permissions go: it holds those a test gives it. */
public final class AppPermissions extends AppTokens {
    private final Set<String> held = new LinkedHashSet<>();

    public AppPermissions(String... held) {
        super(null, null, null);
        this.held.addAll(List.of(held));
    }

    public void revoke(String permission) {
        held.remove(permission);
    }

    @Override
    public boolean holds(String permission) {
        return held.contains(permission);
    }
}
