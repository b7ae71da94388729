package io.teamsbridge.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.AppPermissions;
import io.teamsbridge.testing.GrantingAccounts;
import org.junit.jupiter.api.Test;

class PresenceCheckTest {
    private final GrantingAccounts accounts = new GrantingAccounts();

    @Test
    void saysNothingWhereOnlyTheAppMayRead() {
        assertThat(new PresenceCheck(new AppPermissions(), accounts::grants, false).run()).isEmpty();
    }

    @Test
    void theAppReadsWhereItHoldsThePermission() {
        assertThat(new PresenceCheck(new AppPermissions("Presence.Read.All"), accounts::grants, true).run()).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Finding.Status.PASS))
                .satisfies(f -> assertThat(f.summary()).contains("read by the app"));
    }

    @Test
    void countsTheSignInsThatGrantedTheDelegatedPermission() {
        accounts.connect("ann", "Chat.Read", "Presence.Read.All").connect("ben", "Chat.Read");

        assertThat(new PresenceCheck(new AppPermissions(), accounts::grants, true).run()).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Finding.Status.PASS))
                .satisfies(f -> assertThat(f.summary()).contains("1 of 2 connected users' sign-ins granted the delegated Presence.Read.All"));
    }

    @Test
    void failsWhenNobodyMayReadPresenceAndSaysHowToFixIt() {
        accounts.connect("ann", "Chat.Read");

        assertThat(new PresenceCheck(new AppPermissions(), accounts::grants, true).run()).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Finding.Status.FAIL))
                .satisfies(f -> assertThat(f.summary()).contains("everyone counts as away").contains("0 of 1"))
                .satisfies(f -> assertThat(f.fix()).contains("Presence.Read.All").contains("/msteams connect"));
    }
}
