/**
 * The emulated Microsoft identity platform (v2.0 endpoints): discovery, JWKS, the authorize page,
 * and the token endpoint with authorization code + PKCE, refresh token and client credentials
 * grants. {@link io.teamsbridge.emulators.microsoft.identity.IdentityProvider} is the entry point;
 * the rest is package-private.
 */
@NullMarked
package io.teamsbridge.emulators.microsoft.identity;

import org.jspecify.annotations.NullMarked;
