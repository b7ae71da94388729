package io.teamsbridge.sandbox;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's own page, served beside the bridge only in the sandbox. For now it says where
 * everything is and how to try a connection with the control API; the interactive two-sided page
 * replaces it.
 */
@RestController
class SandboxPage {
    static final String PATH = "/sandbox/";

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>teams-bridge sandbox</title>
                <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;line-height:1.5;color:#1f2328}
                code{background:#f4f5f7;padding:.1rem .3rem;border-radius:3px}</style></head><body>
                <h1>teams-bridge sandbox</h1>
                <p>The bridge runs here against emulated Microsoft Teams and Mattermost. The seeded people
                (alice, bob, carol, dan @example.com) exist on both sides.</p>
                <p>Try it with the emulators' control API: <code>PUT /_sandbox/session {"userId": …}</code> on the
                Microsoft emulator, then <code>POST /_sandbox/commands/execute {"userId": …, "teamId": …,
                "command": "/msteams connect"}</code> on the Mattermost emulator, and open the link it returns.</p>
                </body></html>
                """;
    }
}
