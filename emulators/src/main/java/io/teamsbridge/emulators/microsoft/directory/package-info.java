/**
 * The emulated tenant's users and their presence: the one store identity, Graph and the control
 * API all read, so a user created through {@code /_sandbox/users} can sign in at once.
 */
@NullMarked
package io.teamsbridge.emulators.microsoft.directory;

import org.jspecify.annotations.NullMarked;
