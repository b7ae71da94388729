package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Interceptor;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates every REST request against the contract and records the ones that break it. It never
 * refuses a request: the request is served as the server would serve it, so the test that sent it
 * fails on a clear assertion over {@link #violations()} rather than on a confusing error.
 * Violations name the method and path only, never the query (it may hold {@code access_token}).
 */
final class ContractInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(ContractInterceptor.class);

    private final RequestContract contract;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    ContractInterceptor(RequestContract contract) {
        this.contract = contract;
    }

    @Override
    public Optional<Response> before(Request request) {
        if (!request.path().startsWith("/api/v4/")) {
            return Optional.empty();
        }
        List<String> messages;
        try {
            messages = contract.violations(request);
        } catch (RuntimeException e) {
            messages = List.of("the validator failed: " + e);
        }
        if (!messages.isEmpty()) {
            String violation = request.method() + " " + request.path() + " broke the Mattermost contract: "
                    + String.join("; ", messages);
            violations.add(violation);
            log.warn("{}", violation);
        }
        return Optional.empty();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }
}
