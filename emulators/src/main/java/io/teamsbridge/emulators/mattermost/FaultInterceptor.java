package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Interceptor;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Injected faults from {@code PUT /_sandbox/faults}: {@code latencyMs} delays every REST request
 * before it is handled, {@code down} answers each with {@code status} (default 503) in the
 * AppError shape, so a client's retry logic sees a server that is up but failing, and
 * {@code loseAnswers} makes the next that many post creations succeed but answer 502, as when a
 * proxy in between gives up after the server did the work.
 */
final class FaultInterceptor implements Interceptor {
    /** The current faults; {@code NONE} when nothing is injected. */
    record Faults(boolean down, int status, long latencyMs, int loseAnswers) {
        static final Faults NONE = new Faults(false, 503, 0, 0);
    }

    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
    private final java.util.concurrent.atomic.AtomicInteger answersToLose = new java.util.concurrent.atomic.AtomicInteger();

    void set(Faults newFaults) {
        faults.set(newFaults);
        answersToLose.set(newFaults.loseAnswers());
    }

    /** True for each of the next {@code loseAnswers} post creations. */
    boolean loseThisAnswer() {
        return answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    Faults current() {
        Faults set = faults.get();
        return new Faults(set.down(), set.status(), set.latencyMs(), answersToLose.get());
    }

    @Override
    public Optional<Response> before(Request request) throws InterruptedException {
        Faults current = faults.get();
        if (current.latencyMs() > 0) {
            Thread.sleep(current.latencyMs());
        }
        if (current.down()) {
            return Optional.of(Wire.error(new AppError(current.status(), "sandbox.fault.down",
                    "The server is unavailable (fault injected through /_sandbox/faults).")));
        }
        return Optional.empty();
    }
}
