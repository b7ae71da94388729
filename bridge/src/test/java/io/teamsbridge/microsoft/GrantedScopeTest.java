package io.teamsbridge.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A token response's {@code scope}, read as the Graph permissions a sign-in granted. */
class GrantedScopeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Chat.Read User.Read openid profile email                                   | Chat.Read,User.Read
            https://graph.microsoft.com/Chat.Read https://graph.microsoft.com/User.Read | Chat.Read,User.Read
            00000003-0000-0000-c000-000000000000/Presence.Read.All offline_access       | Presence.Read.All
            HTTPS://GRAPH.MICROSOFT.COM/Chat.Read OpenID                                | Chat.Read
            """)
    void namesEachGraphPermissionBareAndLeavesOutTheIdentityScopes(String scope, String permissions) {
        assertThat(MicrosoftIdentity.graphPermissions(Scope.parse(scope))).containsExactly(permissions.split(","));
    }

    @Test
    void aScopeOfIdentityScopesOnlyGrantsNoPermission() {
        assertThat(MicrosoftIdentity.graphPermissions(Scope.parse("openid profile"))).isEmpty();
    }
}
