package io.teamsbridge.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the checks in order and renders the checklist: one line per finding, and under each one that
 * did not pass, how to fix it. A check that throws is itself a failed finding: the doctor never
 * stops half way.
 */
public final class Doctor {
    private final List<Check> checks;

    Doctor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<Finding> examine() {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            try {
                findings.addAll(check.run());
            } catch (RuntimeException e) {
                findings.add(Finding.fail(check.getClass().getSimpleName().replace("Check", ""),
                        "the check itself failed: " + Messages.firstLine(e), "run again; if it persists, report it"));
            }
        }
        return findings;
    }

    /** 0 when nothing failed (warnings are allowed), 1 otherwise. */
    public static int exitCode(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL) ? 1 : 0;
    }

    public static String render(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(String.format("%-4s  %-34s %s%n", f.status(), f.check(), f.summary()));
            if (!f.fix().isEmpty()) {
                out.append("      ").append(" ".repeat(34)).append(" fix: ").append(f.fix()).append(System.lineSeparator());
            }
        }
        long failed = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
        long warned = findings.stream().filter(f -> f.status() == Finding.Status.WARN).count();
        out.append(failed == 0 ? "All checks passed" : failed + " check(s) failed")
                .append(warned == 0 ? "." : ", " + warned + " warning(s).").append(System.lineSeparator());
        return out.toString();
    }
}
