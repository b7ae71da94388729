/**
 * Secrets at rest: {@link io.teamsbridge.crypto.SecretVault} seals tokens, PKCE verifiers and
 * command tokens with AES-256-GCM under the configured key, and {@link io.teamsbridge.crypto.Tokens}
 * makes and hashes random single-use values. Used by linking, mattermost and microsoft alike,
 * which is why it is a package of its own rather than part of linking.
 */
package io.teamsbridge.crypto;
