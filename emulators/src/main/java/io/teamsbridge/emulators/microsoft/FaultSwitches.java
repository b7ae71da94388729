package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.microsoft.notifications.DeliveryFaults;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** The current {@link Faults}, changed by the control API and read by throttling and delivery. */
final class FaultSwitches implements DeliveryFaults {
    private final AtomicReference<Faults> current = new AtomicReference<>(Faults.DEFAULT);

    Faults get() {
        return current.get();
    }

    Faults apply(JsonNode body) {
        return current.updateAndGet(faults -> faults.apply(body));
    }

    boolean throttling() {
        return current.get().throttle();
    }

    boolean throttleAll() {
        return current.get().throttleAll();
    }

    @Override
    public boolean duplicateDeliveries() {
        return current.get().duplicateDeliveries();
    }

    @Override
    public long deliveryDelayMs() {
        return current.get().deliveryDelayMs();
    }

    @Override
    public boolean reverseDeliveries() {
        return current.get().reverseDeliveries();
    }

    @Override
    public boolean dropDeliveries() {
        return current.get().dropDeliveries();
    }

    @Override
    public boolean takeFailure() {
        return current.getAndUpdate(Faults::afterFailure).failDeliveries() > 0;
    }
}
