/**
 * Reading a Microsoft Graph change notification securely: the wire records and their parser, the
 * checks of the batch's {@code validationTokens}, decryption of the encrypted resource data with
 * the service's own certificate, and the administrators' {@code decrypt} command.
 *
 * <p>Nothing here touches Spring, the database or the network, except the JWKS fetch of
 * {@link io.teamsbridge.microsoft.changes.ValidationTokenVerifier}; callers wire it in.
 */
@NullMarked
package io.teamsbridge.microsoft.changes;

import org.jspecify.annotations.NullMarked;
