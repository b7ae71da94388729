package io.teamsbridge.emulators.microsoft.chats;

import org.jspecify.annotations.Nullable;

/**
 * One {@code aadUserConversationMember} of a chat.
 *
 * @param id the membership id: opaque, unlike the user id (Graph says never to parse it)
 * @param email the user's mail, null for users without a mailbox (as Graph answers then)
 */
public record ChatMember(String id, String userId, String displayName, @Nullable String email, String tenantId) {}
