package io.teamsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * docs/configuration.md documents exactly the settings the configuration classes have, with their
 * defaults. The settings are read from the {@code @ConfigurationProperties} records of this package
 * (found on the class path, nested records followed); the documented ones are the backticked names
 * in the first column of the tables under each prefix's {@code ##} heading. The Spring Boot section
 * is not checked.
 */
class ConfigurationDocumentationTest {
    /** Maven runs the tests of the bridge module in the module's directory. */
    private static final Path DOCUMENT = Path.of("../docs/configuration.md");
    private static final String PACKAGE = ConfigurationDocumentationTest.class.getPackageName();
    private static final Pattern SECTION_HEADING = Pattern.compile("^## (.*)$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|");

    /** Each setting in the code, with the text its default column must show. */
    private static Map<String, String> settings;
    /** Each setting in a prefix section of the document, with its default column. */
    private static Map<String, String> documented;

    @BeforeAll
    static void read() throws IOException, URISyntaxException {
        List<Class<?>> classes = configurationClasses();
        settings = new TreeMap<>();
        for (Class<?> type : classes) {
            collect(type, type.getAnnotation(ConfigurationProperties.class).value(), settings);
        }
        List<String> prefixes = classes.stream().map(c -> c.getAnnotation(ConfigurationProperties.class).value()).toList();
        documented = documentedSettings(Files.readAllLines(DOCUMENT), prefixes);
    }

    @Test
    void everySettingIsDocumentedAndEveryDocumentedSettingExists() {
        TreeSet<String> undocumented = new TreeSet<>(settings.keySet());
        undocumented.removeAll(documented.keySet());
        TreeSet<String> unknown = new TreeSet<>(documented.keySet());
        unknown.removeAll(settings.keySet());
        List<String> problems = new ArrayList<>();
        if (!undocumented.isEmpty()) {
            problems.add("in the code but not in " + DOCUMENT + ": " + undocumented);
        }
        if (!unknown.isEmpty()) {
            problems.add("in " + DOCUMENT + " but not in the code: " + unknown);
        }
        assertThat(problems).as(String.join("; ", problems)).isEmpty();
    }

    @Test
    void everyDocumentedDefaultIsTheDefaultInTheCode() {
        List<String> wrong = new ArrayList<>();
        settings.forEach((name, expected) -> {
            String column = documented.get(name);
            if (column != null && !column.equals(expected)) {
                wrong.add(name + " is documented with default '" + column + "' but the code says '" + expected + "'");
            }
        });
        assertThat(wrong).as(String.join("; ", wrong)).isEmpty();
    }

    @Test
    void theSettingsAreFoundAtAll() {
        // Guards the scan: an empty scan would make the other tests pass for nothing.
        assertThat(settings).containsKeys("bridge.public-url", "mattermost.url", "microsoft.subscription.billing-model",
                "notifications.enabled", "connections.max-users");
    }

    /** The {@code @ConfigurationProperties} classes of this package, from the compiled classes. */
    private static List<Class<?>> configurationClasses() throws IOException, URISyntaxException {
        URL url = BridgeProperties.class.getResource(BridgeProperties.class.getSimpleName() + ".class");
        Path directory = Path.of(url.toURI()).getParent();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(PACKAGE + "." + name.substring(0, name.length() - ".class".length()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                if (type.isAnnotationPresent(ConfigurationProperties.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    /** The settings of a record: one per component, nested records of this package followed. */
    private static void collect(Class<?> type, String prefix, Map<String, String> into) {
        assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
        RecordComponent[] components = type.getRecordComponents();
        Parameter[] parameters;
        try {
            parameters = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getPackageName().startsWith(PACKAGE)) {
                collect(componentType, name, into);
            } else {
                into.put(name, documentedDefault(component, parameters[i]));
            }
        }
    }

    /**
     * What the default column must say: the {@code @DefaultValue} in backticks, "empty" for an empty
     * {@code @DefaultValue} (an empty list), "required" when there is none and a value is demanded,
     * otherwise "none".
     */
    private static String documentedDefault(RecordComponent component, Parameter parameter) {
        DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
        if (defaultValue == null) {
            defaultValue = component.getAnnotation(DefaultValue.class);
        }
        if (defaultValue != null) {
            return defaultValue.value().length == 0 ? "empty" : "`" + String.join(",", defaultValue.value()) + "`";
        }
        boolean required = Stream.of(parameter.getAnnotation(NotNull.class), parameter.getAnnotation(NotBlank.class),
                component.getAnnotation(NotNull.class), component.getAnnotation(NotBlank.class))
                .anyMatch(a -> a != null);
        return required ? "required" : "none";
    }

    /** {@code previousEncryptionKeys} → {@code previous-encryption-keys}, as Spring's relaxed binding names it. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The first-column settings of every table row in the sections whose {@code ##} heading names
     * one of the prefixes in backticks (subsections included), with their second column.
     */
    static Map<String, String> documentedSettings(List<String> lines, List<String> prefixes) {
        Map<String, String> found = new LinkedHashMap<>();
        boolean inPrefixSection = false;
        for (String line : lines) {
            Matcher heading = SECTION_HEADING.matcher(line);
            if (heading.matches()) {
                String title = heading.group(1);
                inPrefixSection = prefixes.stream().anyMatch(p -> title.contains("`" + p + "`"));
                continue;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (inPrefixSection && row.find()) {
                String previous = found.put(row.group(1).trim(), row.group(2).trim());
                assertThat(previous).as("%s is documented twice", row.group(1)).isNull();
            }
        }
        return found;
    }
}
