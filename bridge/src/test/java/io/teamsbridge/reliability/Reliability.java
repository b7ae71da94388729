package io.teamsbridge.reliability;

/**
 * One line per fault scenario in the test output ({@code RELIABILITY fault | sent | delivered |
 * lost | duplicated}), the figures docs/reliability.md reports from the last run.
 */
final class Reliability {
    private Reliability() {}

    static void report(String fault, int sent, int delivered, int duplicated) {
        System.out.printf("RELIABILITY %s | sent %d | delivered %d | lost %d | duplicated %d%n", fault, sent, delivered,
                sent - delivered, duplicated);
    }
}
