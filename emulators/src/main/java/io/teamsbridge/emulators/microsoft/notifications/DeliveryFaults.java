package io.teamsbridge.emulators.microsoft.notifications;

/** The delivery faults the control API switches, read at each delivery. */
public interface DeliveryFaults {
    DeliveryFaults NONE = new DeliveryFaults() {
        @Override
        public boolean duplicateDeliveries() {
            return false;
        }

        @Override
        public long deliveryDelayMs() {
            return 0;
        }

        @Override
        public boolean takeFailure() {
            return false;
        }

        @Override
        public boolean dropDeliveries() {
            return false;
        }

        @Override
        public boolean reverseDeliveries() {
            return false;
        }
    };

    /** Whether each batch is delivered twice. */
    boolean duplicateDeliveries();

    /** How long to wait before each delivery. */
    long deliveryDelayMs();

    /** Whether each batch's notifications are sent in reverse order (Graph promises no order). */
    boolean reverseDeliveries();

    /** Whether change notifications are accepted but never delivered, as when Graph gives up on them. */
    boolean dropDeliveries();

    /** Uses up one of the failures asked for with {@code failDeliveries}; false when none is left. */
    boolean takeFailure();
}
