package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.HttpError;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The faults the control API can switch on. {@code throttle} (Graph's documented limits) is on by
 * default, as SANDBOX.md says; a test that hammers the emulator turns it off.
 *
 * @param deliveryDelayMs how long to wait before each notification delivery
 * @param failDeliveries how many upcoming deliveries to fail
 * @param dropDeliveries change notifications are accepted but never delivered (as when Graph gives up)
 * @param reverseDeliveries each batch's notifications are sent in reverse order
 * @param throttleAll every Graph request is answered 429 with a Retry-After, whatever the limits
 */
record Faults(boolean throttle, boolean duplicateDeliveries, long deliveryDelayMs, int failDeliveries,
        boolean dropDeliveries, boolean reverseDeliveries, boolean throttleAll) {
    static final Faults DEFAULT = new Faults(true, false, 0, 0, false, false, false);
    private static final Set<String> FIELDS = Set.of("throttle", "duplicateDeliveries", "deliveryDelayMs",
            "failDeliveries", "dropDeliveries", "reverseDeliveries", "throttleAll");

    /**
     * Applies a {@code PUT /_sandbox/faults} body: fields present replace the current value, absent
     * ones keep it, so a test can flip one fault without restating the others.
     *
     * @throws HttpError 400 naming the first field that is unknown or has the wrong type
     */
    Faults apply(JsonNode body) {
        ControlBody in = ControlBody.of(body);
        in.rejectUnknown(FIELDS);
        return new Faults(
                in.optionalBoolean("throttle").orElse(throttle),
                in.optionalBoolean("duplicateDeliveries").orElse(duplicateDeliveries),
                in.optionalCount("deliveryDelayMs", Long.MAX_VALUE).orElse(deliveryDelayMs),
                in.optionalCount("failDeliveries", Integer.MAX_VALUE).map(Long::intValue).orElse(failDeliveries),
                in.optionalBoolean("dropDeliveries").orElse(dropDeliveries),
                in.optionalBoolean("reverseDeliveries").orElse(reverseDeliveries),
                in.optionalBoolean("throttleAll").orElse(throttleAll));
    }

    /** With one failure fewer to come, never below zero. */
    Faults afterFailure() {
        return new Faults(throttle, duplicateDeliveries, deliveryDelayMs, Math.max(0, failDeliveries - 1), dropDeliveries,
                reverseDeliveries, throttleAll);
    }
}
