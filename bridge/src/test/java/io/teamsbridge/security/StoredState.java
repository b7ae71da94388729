package io.teamsbridge.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the bridge has stored that a request could change, row by row: links, preferences, connect
 * states, commands, subscriptions, certificates, the inbox and deliveries. Timestamps that move by
 * themselves are left out; the test clock stands still anyway.
 */
record StoredState(Map<String, Set<String>> tables) {
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("account_link", "SELECT mattermost_user_id, teams_user_id, teams_upn, email, status, tokens_sealed FROM account_link");
        QUERIES.put("preference", "SELECT mattermost_user_id, pref_key, pref_value FROM preference");
        QUERIES.put("oauth_state", "SELECT state_hash, mattermost_user_id, browser_hash, opened_at, used_at FROM oauth_state");
        QUERIES.put("team_command", "SELECT team_id, command_id, token_sealed FROM team_command");
        QUERIES.put("graph_subscription", "SELECT id, client_state_hash, status, expires_at FROM graph_subscription");
        QUERIES.put("encryption_certificate", "SELECT id, active FROM encryption_certificate");
        QUERIES.put("inbox", "SELECT id, dedupe_key, status FROM inbox");
        QUERIES.put("delivery", "SELECT chat_id, message_id, mattermost_user_id, status, post_id FROM delivery");
    }

    static StoredState of(JdbcClient jdbc) {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        QUERIES.forEach((table, sql) -> {
            List<Map<String, Object>> rows = jdbc.sql(sql).query().listOfRows();
            Set<String> set = new HashSet<>();
            rows.forEach(row -> set.add(String.valueOf(row.values())));
            tables.put(table, set);
        });
        return new StoredState(tables);
    }

    /** Rows added, removed or changed since {@code before} (a changed row counts twice). */
    int changesSince(StoredState before) {
        int changes = 0;
        for (Map.Entry<String, Set<String>> table : tables.entrySet()) {
            Set<String> was = before.tables.getOrDefault(table.getKey(), Set.of());
            Set<String> now = table.getValue();
            changes += (int) now.stream().filter(row -> !was.contains(row)).count();
            changes += (int) was.stream().filter(row -> !now.contains(row)).count();
        }
        return changes;
    }

    /** The changed rows, to say which in a failure. */
    String describeChangesSince(StoredState before) {
        StringBuilder out = new StringBuilder();
        tables.forEach((table, now) -> {
            Set<String> was = before.tables.getOrDefault(table, Set.of());
            now.stream().filter(row -> !was.contains(row)).forEach(row -> out.append(table).append(" +").append(row).append('\n'));
            was.stream().filter(row -> !now.contains(row)).forEach(row -> out.append(table).append(" -").append(row).append('\n'));
        });
        return out.toString();
    }
}
