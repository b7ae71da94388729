package io.teamsbridge.config;

/**
 * A check made at start-up found the service cannot work as configured. Its message is one line
 * that names the setting and says what to do; {@link StartupCheckFailureAnalyzer} prints it.
 */
public class StartupCheckException extends RuntimeException {
    public StartupCheckException(String message) {
        super(message, null, false, false);
    }
}
