package io.teamsbridge.sandbox;

public final class SandboxLauncher {
    public static void main(String[] args) {
        System.out.println("sandbox");
    }
}
