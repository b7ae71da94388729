/**
 * The small HTTP toolkit both emulators are built on: a Jetty core server (no servlets) on virtual
 * threads, a router over path templates (with WebSocket routes on the same port), request
 * counting per template, and JSON helpers. No framework, so an emulator starts in milliseconds and
 * several can share one JVM with the bridge. Jetty's types stay inside {@code EmulatorServer} and
 * {@code JettyWebSocket}; emulators see only {@code Request}, {@code Response} and the
 * {@code WebSocket*} interfaces.
 */
package io.teamsbridge.emulators.http;
