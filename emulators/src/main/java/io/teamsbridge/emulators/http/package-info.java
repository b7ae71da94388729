/**
 * The small HTTP toolkit both emulators are built on: a JDK {@code HttpServer} on virtual threads,
 * a router over path templates, request counting per template, and JSON helpers. No framework, so
 * an emulator starts in milliseconds and several can share one JVM with the bridge.
 */
package io.teamsbridge.emulators.http;
