package io.teamsbridge.doctor;

import io.teamsbridge.config.ConfigurationErrors;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.microsoft.AppTokens;
import io.teamsbridge.microsoft.CredentialExpiry;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.store.CertificateRepository;
import io.teamsbridge.store.SchemaStatus;
import io.teamsbridge.store.SubscriptionRepository;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar teams-bridge.jar doctor [--setting=value …]}: reads the configuration as the
 * service does (application.yml, the environment, the arguments), starts only what the checks need
 * (no web server, no workers, no subscription upkeep, no migrations), prints the checklist and
 * exits 0 when nothing failed. A configuration that cannot even be read is the first failure, one
 * line per setting.
 */
public final class DoctorCommand {
    private DoctorCommand() {}

    /** As the command line runs it: logging quiet but for errors. */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, true);
    }

    /**
     * @param ownLogging false inside a running JVM whose logging must stay as it is (a test): Spring
     *     Boot would otherwise set up logging again for the whole process
     */
    public static int run(String[] args, PrintStream out, boolean ownLogging) {
        SpringApplication application = new SpringApplication(Setup.class);
        if (!ownLogging) {
            application.setListeners(application.getListeners().stream()
                    .filter(listener -> !(listener instanceof org.springframework.boot.context.logging.LoggingApplicationListener))
                    .toList());
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(
                "spring.main.banner-mode", "off",
                "spring.flyway.enabled", "false",
                "logging.level.root", "ERROR",
                "logging.level.io.teamsbridge", "ERROR",
                // A configuration that cannot be read is reported in the checklist, not as a start-up failure.
                "logging.level.org.springframework.boot.diagnostics", "OFF",
                "bridge.check-at-start", "false",
                // A database that cannot be reached is reported once, not waited for by every check.
                "spring.datasource.hikari.connection-timeout", "3000",
                // Readiness' components belong to the service, which this does not start.
                "management.endpoint.health.validate-group-membership", "false"));
        application.setRegisterShutdownHook(false);
        application.addListeners(DoctorCommand::onlyExistingH2);
        application.setLogStartupInfo(false);
        out.println("teams-bridge doctor");
        List<Finding> findings;
        try (ConfigurableApplicationContext context = application.run(args)) {
            findings = new java.util.ArrayList<>();
            findings.add(Finding.pass("Configuration", "every setting present and well-formed"));
            findings.addAll(context.getBean(Doctor.class).examine());
        } catch (RuntimeException e) {
            List<String> errors = ConfigurationErrors.of(e);
            findings = errors.isEmpty()
                    ? List.of(Finding.fail("Start", "the checks could not be set up: " + Messages.firstLine(e),
                            "see the message; the service would not start either"))
                    : errors.stream().map(line -> Finding.fail("Configuration", line.replace("Configuration error: ", ""),
                            "set it in application.yml or the environment (see docs/configuration.md)")).toList();
        }
        out.print(Doctor.render(findings));
        return Doctor.exitCode(findings);
    }

    /** An embedded H2 file is opened only if it exists: the doctor must not leave an empty database behind. */
    private static void onlyExistingH2(org.springframework.context.ApplicationEvent event) {
        if (event instanceof org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent prepared) {
            String url = prepared.getEnvironment().getProperty("spring.datasource.url", "");
            if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS")) {
                prepared.getEnvironment().getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource(
                        "doctor", Map.of("spring.datasource.url", url + ";IFEXISTS=TRUE")));
            }
        }
    }

    /**
     * What the checks need, and nothing that starts work. Not a {@code @Configuration}: the service's
     * own component scan must not pick it up.
     */
    @EnableAutoConfiguration
    @ConfigurationPropertiesScan("io.teamsbridge.config")
    @Import({DoctorChecks.class, OutboundClients.class, MattermostClient.class, MicrosoftIdentity.class, AppTokens.class,
            GraphClient.class, SecretVault.class, CertificateRepository.class, NotificationCertificates.class,
            CredentialExpiry.class, SubscriptionRepository.class, io.teamsbridge.store.AccountLinkRepository.class,
            io.teamsbridge.store.TrafficRepository.class, SchemaStatus.class,
            io.teamsbridge.microsoft.GrantedPermissions.class})
    static class Setup {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
