package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import java.util.List;

/** {@code page} / {@code per_page} query parameters: defaults 0 and 60, at most 200 per page. */
record Paging(int page, int perPage) {
    private static final int DEFAULT_PER_PAGE = 60;
    private static final int MAX_PER_PAGE = 200;

    static Paging of(Request request) {
        int page = number(request, "page", 0);
        int perPage = Math.min(number(request, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE);
        return new Paging(page, perPage);
    }

    <T> List<T> apply(List<T> all) {
        long from = (long) page * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    private static int number(Request request, String name, int fallback) {
        String raw = request.queryParam(name).orElse("");
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < 0) {
                throw AppError.invalidUrlParam(name);
            }
            return value;
        } catch (NumberFormatException e) {
            throw AppError.invalidUrlParam(name);
        }
    }
}
