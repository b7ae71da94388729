/**
 * The emulated tenant's Teams chats: chats, their members and messages (with edits, soft deletes
 * and member-added system events), kept in memory, and their Graph JSON shapes. Every change is
 * handed to a {@link io.teamsbridge.emulators.microsoft.chats.ChatListener} in the order it
 * happened, which is how change notifications keep message order.
 */
@NullMarked
package io.teamsbridge.emulators.microsoft.chats;

import org.jspecify.annotations.NullMarked;
