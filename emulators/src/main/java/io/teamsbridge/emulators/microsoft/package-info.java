/**
 * The Microsoft emulator: identity platform + a Microsoft Graph subset + the {@code /_sandbox/}
 * control API, on the shared {@link io.teamsbridge.emulators.http} toolkit. Start one with
 * {@link io.teamsbridge.emulators.microsoft.MicrosoftEmulator#start} and drive it with
 * {@link io.teamsbridge.emulators.microsoft.MicrosoftControlClient}.
 */
@NullMarked
package io.teamsbridge.emulators.microsoft;

import org.jspecify.annotations.NullMarked;
