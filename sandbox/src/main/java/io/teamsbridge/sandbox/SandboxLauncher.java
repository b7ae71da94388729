package io.teamsbridge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/** {@code java -jar teams-bridge-sandbox.jar [options]}: starts the sandbox and keeps it running. */
public final class SandboxLauncher {
    private SandboxLauncher() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Sandbox sandbox = Sandbox.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        if (options.readyFile().isPresent()) {
            var target = options.readyFile().get().toAbsolutePath();
            var temp = Files.createTempFile(target.getParent(), ".ready", ".json");
            Files.writeString(temp, sandbox.readyJson());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(sandbox.readyLine());
        Thread.currentThread().join();
    }
}
