package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Duration;

/**
 * How the emulator delivers notifications. The defaults are Graph's documented values, except the
 * backoff cap: Graph retries failed deliveries for up to 4 hours at intervals it does not document;
 * the emulator doubles from {@code initialBackoff} up to {@code maxBackoff} so tests see the retry
 * within seconds.
 *
 * @param initialBackoff the wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param retryWindow how long after a change its notification is still retried, by the emulator's
 *     clock; then it is dropped and counted in {@code notificationsDropped}
 * @param receiverTimeout a receiver slower than this to answer has failed (Graph: 3 s)
 * @param handshakeTimeout how long the validation handshake waits for the echo (Graph: 10 s)
 * @param maxBatchSize how many queued notifications for one URL go out in one POST
 * @param evaluationMessagesPerMonth messages per app and month notified to subscriptions without
 *     a billing model (Graph's evaluation mode); beyond it notifications are silently not sent
 */
public record DeliveryOptions(Duration initialBackoff, Duration maxBackoff, Duration retryWindow,
        Duration receiverTimeout, Duration handshakeTimeout, int maxBatchSize, int evaluationMessagesPerMonth) {

    public DeliveryOptions {
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(retryWindow, "retryWindow");
        requirePositive(receiverTimeout, "receiverTimeout");
        requirePositive(handshakeTimeout, "handshakeTimeout");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff "
                    + initialBackoff);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        if (evaluationMessagesPerMonth < 0) {
            throw new IllegalArgumentException("evaluationMessagesPerMonth must not be negative");
        }
    }

    public static DeliveryOptions defaults() {
        return new DeliveryOptions(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(4),
                Duration.ofSeconds(3), Duration.ofSeconds(10), 100, 500);
    }

    public DeliveryOptions withBackoff(Duration initial, Duration max) {
        return new DeliveryOptions(initial, max, retryWindow, receiverTimeout, handshakeTimeout, maxBatchSize,
                evaluationMessagesPerMonth);
    }

    public DeliveryOptions withRetryWindow(Duration window) {
        return new DeliveryOptions(initialBackoff, maxBackoff, window, receiverTimeout, handshakeTimeout,
                maxBatchSize, evaluationMessagesPerMonth);
    }

    public DeliveryOptions withReceiverTimeout(Duration timeout) {
        return new DeliveryOptions(initialBackoff, maxBackoff, retryWindow, timeout, handshakeTimeout, maxBatchSize,
                evaluationMessagesPerMonth);
    }

    public DeliveryOptions withHandshakeTimeout(Duration timeout) {
        return new DeliveryOptions(initialBackoff, maxBackoff, retryWindow, receiverTimeout, timeout, maxBatchSize,
                evaluationMessagesPerMonth);
    }

    public DeliveryOptions withMaxBatchSize(int size) {
        return new DeliveryOptions(initialBackoff, maxBackoff, retryWindow, receiverTimeout, handshakeTimeout, size,
                evaluationMessagesPerMonth);
    }

    public DeliveryOptions withEvaluationMessagesPerMonth(int messages) {
        return new DeliveryOptions(initialBackoff, maxBackoff, retryWindow, receiverTimeout, handshakeTimeout,
                maxBatchSize, messages);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
