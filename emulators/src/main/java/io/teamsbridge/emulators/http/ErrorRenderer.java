package io.teamsbridge.emulators.http;

/** Renders an {@link HttpError} in the wire format of the emulated service. */
@FunctionalInterface
public interface ErrorRenderer {
    Response render(Request request, HttpError error);
}
