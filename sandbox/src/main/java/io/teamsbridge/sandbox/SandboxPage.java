package io.teamsbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's own page, served beside the bridge only in the sandbox: Teams on one side,
 * Mattermost on the other, the bridge's decisions below. The page is static
 * ({@code static/sandbox/}); its data comes from {@link TeamsSideApi}, {@link MattermostSideApi}
 * and {@link DecisionFeed}.
 */
@RestController
class SandboxPage {
    static final String PATH = "/sandbox/";

    private final String html = read("static/sandbox/index.html");

    @GetMapping(path = {PATH, "/sandbox"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(html);
    }

    private static String read(String resource) {
        try (InputStream in = SandboxPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The sandbox page " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
