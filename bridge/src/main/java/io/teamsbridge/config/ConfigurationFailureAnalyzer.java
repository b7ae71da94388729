package io.teamsbridge.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns a configuration that cannot be bound or validated into one line per bad setting, naming
 * the setting as the administrator writes it ({@code bridge.public-url}), instead of Spring's
 * multi-line binding report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        return new FailureAnalysis(String.join(System.lineSeparator(), ConfigurationErrors.describe(cause)),
                "Fix the setting(s) above in application.yml or the environment and start teams-bridge again.",
                cause);
    }
}
