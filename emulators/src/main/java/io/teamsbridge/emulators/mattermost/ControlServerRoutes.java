package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.RequestStats;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control API's server-wide calls: settings, injected faults, and request statistics. */
final class ControlServerRoutes {
    private final ServerConfig config;
    private final FaultInterceptor faults;
    private final RequestStats stats;
    private final ContractInterceptor contract;

    ControlServerRoutes(ServerConfig config, FaultInterceptor faults, RequestStats stats, ContractInterceptor contract) {
        this.config = config;
        this.faults = faults;
        this.stats = stats;
        this.contract = contract;
    }

    void register(Router router) {
        router.put("/_sandbox/config", this::updateConfig)
                .get("/_sandbox/config", request -> Wire.control(200, config.current()))
                .put("/_sandbox/faults", this::setFaults)
                .get("/_sandbox/faults", request -> Wire.control(200, faults.current()))
                .get("/_sandbox/stats", this::stats)
                .delete("/_sandbox/stats", this::resetStats);
    }

    private Response updateConfig(Request request) {
        return Wire.control(200, config.update(request.json()));
    }

    /** Replaces the faults: whatever is left out is back to normal (up, no latency). */
    private Response setFaults(Request request) {
        JsonBody body = JsonBody.object(request, "faults");
        int status = body.has("status") ? body.node().get("status").asInt() : FaultInterceptor.Faults.NONE.status();
        long latency = body.has("latencyMs") ? body.node().get("latencyMs").asLong() : 0;
        int loseAnswers = body.has("loseAnswers") ? body.node().get("loseAnswers").asInt() : 0;
        if (status < 400 || status > 599 || latency < 0 || loseAnswers < 0) {
            throw AppError.invalidBodyParam("faults");
        }
        FaultInterceptor.Faults updated = new FaultInterceptor.Faults(body.bool("down"), status, latency, loseAnswers);
        faults.set(updated);
        return Wire.control(200, updated);
    }

    private Response stats(Request request) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", stats.snapshot());
        out.put("contractViolations", contract.violations());
        return Wire.control(200, out);
    }

    /** Zeroes the request counts (not the contract violations), e.g. between benchmark phases. */
    private Response resetStats(Request request) {
        stats.reset();
        return Wire.control(200, Map.of("status", "OK"));
    }
}
