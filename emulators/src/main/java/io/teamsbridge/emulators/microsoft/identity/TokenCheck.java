package io.teamsbridge.emulators.microsoft.identity;

/** The result of checking a bearer token: who it is for, or why Graph would refuse it. */
public sealed interface TokenCheck {

    record Valid(Caller caller) implements TokenCheck {}

    /** @param message the text Graph puts in its {@code InvalidAuthenticationToken} error */
    record Invalid(String message) implements TokenCheck {}
}
