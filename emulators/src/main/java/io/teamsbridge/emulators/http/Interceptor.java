package io.teamsbridge.emulators.http;

import java.util.Optional;

/**
 * Runs before the handler of every routed request (auth, fault injection, contract checks, rate
 * limits). Answering with a response short-circuits the handler.
 */
@FunctionalInterface
public interface Interceptor {
    Optional<Response> before(Request request) throws Exception;
}
