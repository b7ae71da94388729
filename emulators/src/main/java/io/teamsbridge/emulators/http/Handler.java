package io.teamsbridge.emulators.http;

/** Answers one routed request. May throw {@link HttpError}. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
