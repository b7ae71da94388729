package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.Request;
import java.util.List;
import java.util.Locale;

/** Reads the preferences of the {@code Prefer} header(s), which may list several, comma-separated. */
final class PreferHeader {
    private PreferHeader() {}

    /** Whether the client asked to see evolvable-enum members added after {@code unknownFutureValue}. */
    static boolean includeUnknownEnumMembers(Request request) {
        List<String> values = request.headers().getOrDefault("prefer", List.of());
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .anyMatch("include-unknown-enum-members"::equals);
    }
}
