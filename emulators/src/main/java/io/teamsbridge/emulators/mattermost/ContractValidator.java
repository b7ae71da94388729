package io.teamsbridge.emulators.mattermost;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.teamsbridge.emulators.http.Request;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks REST requests against Mattermost's OpenAPI subset with swagger-request-validator.
 *
 * <p>Building the validator parses 3,400 lines of YAML and takes about a second, so it is built
 * once per emulator. It keeps no per-request state (the library's own servlet filters share one
 * instance across threads), so {@link #validate} may be called concurrently.
 *
 * <p>What the spec gets wrong is not held against the client (see the contract README):
 * <ul>
 *   <li>security: the spec only knows Bearer tokens, while the server also takes
 *       {@code Authorization: Token}, the cookie and {@code access_token}, and some routes need
 *       none; the emulator authenticates itself, so {@code validation.request.security} is off;
 *   <li>request bodies the server's structs take but the spec's schemas omit, or mistype, are
 *       corrected by {@link SpecFixes};
 *   <li>{@code GET /config/client} lacks the {@code format} query parameter that the server
 *       requires ({@code format=old}): unexpected query parameters are allowed on that path.
 * </ul>
 */
final class ContractValidator implements RequestContract {
    private final OpenApiInteractionValidator validator;

    private ContractValidator(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    static ContractValidator load(Path spec) {
        String text;
        try {
            text = ContractSlices.extend(Files.readString(spec), spec.resolveSibling(ContractSlices.FULL_FILE));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Mattermost contract " + spec + ": " + e.getMessage(), e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
        OpenAPI api = parsed.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("Cannot parse the Mattermost contract " + spec + ": " + parsed.getMessages());
        }
        SpecFixes.apply(api);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(api)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response", ValidationReport.Level.IGNORE)
                        .build())
                .withWhitelist(ValidationErrorsWhitelist.create().withRule("config/client takes format=old",
                        WhitelistRules.allOf(
                                WhitelistRules.messageHasKey("validation.request.parameter.query.unexpected"),
                                WhitelistRules.pathContains("/api/v4/config/client"))))
                .build();
        return new ContractValidator(validator);
    }

    @Override
    public List<String> violations(Request request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
        request.headers().forEach(builder::withHeader);
        queryParams(request.uri().getRawQuery()).forEach(builder::withQueryParam);
        if (request.body().length > 0) {
            builder.withBody(request.body());
        }
        ValidationReport report = validator.validateRequest(builder.build());
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                out.add(message.getKey() + ": " + message.getMessage());
            }
        }
        return out;
    }

    private static Map<String, List<String>> queryParams(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
