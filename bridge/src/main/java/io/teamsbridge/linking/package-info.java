/**
 * Connecting a Mattermost account to a Teams account and everything a user does with
 * {@code /msteams}: one-time connect links, the sign-in with Microsoft (authorization code +
 * PKCE), the email match and the administrator's limits, the stored (sealed) tokens and their
 * refresh, and the per-user notification preference.
 */
package io.teamsbridge.linking;
