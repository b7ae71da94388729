/**
 * The change subscription on Teams chat messages: created, renewed well before expiry, recreated
 * when it vanishes or Graph removes it, reauthorized when Graph asks — by one instance at a time.
 */
package io.teamsbridge.microsoft.subscriptions;
