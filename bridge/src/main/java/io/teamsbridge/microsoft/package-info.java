/**
 * Everything that speaks to Microsoft: the identity platform (sign-in with authorization code and
 * PKCE, token refresh) and Microsoft Graph, for the configured cloud or an override.
 */
package io.teamsbridge.microsoft;
