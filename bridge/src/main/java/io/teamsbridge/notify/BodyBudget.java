package io.teamsbridge.notify;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what the webhook spends on bodies before it knows who sent them: at most
 * {@value #MAX_READERS} bodies are read at the same time, together they may hold at most
 * {@link #MAX_BYTES_IN_FLIGHT} bytes read so far, and each must arrive within {@link #READ_DEADLINE}.
 * A request that finds no room is answered 503 before its body is read; Graph delivers again later.
 *
 * <p>Bytes are counted as they are read, not as declared, because the parser stops at the first
 * thing over a limit: a 4 MB body of garbage usually costs a few kilobytes. What a body can hold
 * on the heap is about the bytes read (strings of base64 are one byte a character), so this bound
 * is what keeps a burst of large requests inside a 128 MiB heap.
 */
final class BodyBudget {
    static final int MAX_READERS = 32;
    static final long MAX_BYTES_IN_FLIGHT = 32L * 1024 * 1024;
    /** Graph gives the whole request 3 s; a body that has not arrived in 2 s will not make it. */
    static final Duration READ_DEADLINE = Duration.ofSeconds(2);

    private final Semaphore readers = new Semaphore(MAX_READERS);
    private final AtomicLong bytesInFlight = new AtomicLong();
    private final long maxBytes;
    private final Duration deadline;

    BodyBudget() {
        this(MAX_BYTES_IN_FLIGHT, READ_DEADLINE);
    }

    BodyBudget(long maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    /** A counted view of the body, or empty when as many bodies as allowed are being read already. */
    Optional<Body> open(InputStream in) {
        return readers.tryAcquire() ? Optional.of(new Body(in, System.nanoTime() + deadline.toNanos())) : Optional.empty();
    }

    /** The bytes read and not yet released, for tests and metrics. */
    long bytesInFlight() {
        return bytesInFlight.get();
    }

    /** The shared budget ran out while this body was read. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("the webhook is reading as much as it may at once", null, false, false);
        }
    }

    /** The body did not arrive in time. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("the body did not arrive within " + READ_DEADLINE.toMillis() + " ms", null, false, false);
        }
    }

    /** One body being read; closing it returns its bytes and its place. */
    final class Body extends FilterInputStream {
        private final long deadlineNanos;
        private long counted;
        private boolean closed;

        private Body(InputStream in, long deadlineNanos) {
            super(in);
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new TooSlow();
            }
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted += n;
                if (bytesInFlight.addAndGet(n) > maxBytes) {
                    throw new Exhausted();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            int length = (int) Math.min(Math.max(n, 0), 8192);
            return Math.max(read(new byte[length], 0, length), 0);
        }

        /**
         * Reads and discards what is left of a refused body, up to {@code limit} bytes and within the
         * deadline, so that the client, which may be still sending, receives the answer instead of a
         * reset connection. Discarded bytes are not kept, so they are not counted against the budget.
         */
        void discardRest(long limit) {
            byte[] scratch = new byte[16 * 1024];
            long left = limit;
            try {
                int n;
                while (left > 0 && System.nanoTime() - deadlineNanos < 0
                        && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
                    left -= n;
                }
            } catch (IOException gone) {
                // The client stopped sending; there is nobody left to answer.
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                bytesInFlight.addAndGet(-counted);
                readers.release();
            }
        }
    }
}
