package io.teamsbridge.microsoft.subscriptions;

/**
 * Published (synchronously) just before a user's connection and tokens are deleted, so their own
 * subscription can still be deleted at Graph with their token.
 */
public record UserDisconnecting(String teamsUserId) {}
