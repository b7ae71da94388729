package io.teamsbridge.doctor;

/**
 * One line of the checklist.
 *
 * @param check what was checked, e.g. "Mattermost bot token"
 * @param status PASS, WARN (works, but look at it) or FAIL
 * @param summary what was found, in a few words
 * @param fix what to do; empty for a pass
 */
public record Finding(String check, Status status, String summary, String fix) {
    public enum Status {
        PASS,
        WARN,
        FAIL
    }

    static Finding pass(String check, String summary) {
        return new Finding(check, Status.PASS, summary, "");
    }

    static Finding warn(String check, String summary, String fix) {
        return new Finding(check, Status.WARN, summary, fix);
    }

    static Finding fail(String check, String summary, String fix) {
        return new Finding(check, Status.FAIL, summary, fix);
    }
}
