package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import java.util.List;

/** A contract REST requests are checked against; {@link #NONE} when no contract file is available. */
@FunctionalInterface
interface RequestContract {
    RequestContract NONE = request -> List.of();

    /** The request's violations, human-readable; empty when it conforms. */
    List<String> violations(Request request);
}
