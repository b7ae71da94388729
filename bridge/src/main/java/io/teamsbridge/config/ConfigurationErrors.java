package io.teamsbridge.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A configuration that cannot be bound or validated, as one line per bad setting named the way the
 * administrator writes it ({@code bridge.public-url}); shared by the start-up failure report and
 * {@code doctor}.
 */
public final class ConfigurationErrors {
    private ConfigurationErrors() {}

    /** The lines for a failed start, when the failure was the configuration's; empty otherwise. */
    public static List<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException bind) {
                return describe(bind);
            }
            if (t instanceof StartupCheckException check) {
                return List.of(check.getMessage());
            }
        }
        return List.of();
    }

    static List<String> describe(BindException cause) {
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
            lines.add("Configuration error: " + setting + " has an invalid value" + value + ": " + rootMessage(cause) + ".");
        }
        return lines;
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
