package io.teamsbridge.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration that cannot be bound or validated into one line per bad setting, naming
 * the setting as the administrator writes it ({@code bridge.public-url}), instead of Spring's
 * multi-line binding report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        List<String> lines = new ArrayList<>();
        Throwable inner = cause.getCause();
        if (inner instanceof BindValidationException validation) {
            String prefix = validation.getValidationErrors().getName().toString();
            for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                String setting = error instanceof FieldError field ? prefix + "." + kebab(field.getField()) : prefix;
                lines.add("Configuration error: " + setting + " " + error.getDefaultMessage() + ".");
            }
        } else {
            ConfigurationProperty property = cause.getProperty();
            String setting = property != null ? property.getName().toString() : cause.getName().toString();
            String value = property != null ? " '" + property.getValue() + "'" : "";
            lines.add("Configuration error: " + setting + " has an invalid value" + value + ": "
                    + rootMessage(cause) + ".");
        }
        return new FailureAnalysis(String.join(System.lineSeparator(), lines),
                "Fix the setting(s) above in application.yml or the environment and start teams-bridge again.",
                cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** {@code publicUrl} → {@code public-url}; list indexes and nested paths keep their dots. */
    static String kebab(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
