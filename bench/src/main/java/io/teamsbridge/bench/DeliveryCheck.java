package io.teamsbridge.bench;

import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Matches the bot's posts against what a window sent: every expected (message, recipient) pair is
 * looked up among all the bot's posts to everyone a route names (and the extra recipients), so a
 * pair posted twice, a post to someone forbidden and a pair never posted are all counted.
 */
final class DeliveryCheck {
    private final MattermostControlClient chat;
    private final Traffic traffic;

    /** What the posts showed for one window. */
    record Found(long expected, long delivered, long duplicated, long unexpected, long optional,
            Latencies endToEnd, long lastPostMillis, List<Long> postTimes) {
        /** Expected notifications posted from {@code from} (inclusive) to {@code to} (exclusive), epoch ms. */
        long postedBetween(long from, long to) {
            return postTimes.stream().filter(t -> t >= from && t < to).count();
        }
    }

    DeliveryCheck(MattermostControlClient chat, Traffic traffic) {
        this.chat = chat;
        this.traffic = traffic;
    }

    /** How many (message, recipient) pairs the window's messages must produce. */
    long expectedPairs(Traffic.Window window) {
        long n = 0;
        for (long i = window.firstIndex(); i < end(window); i++) {
            Traffic.Sent sent = traffic.sent(i);
            if (sent != null) {
                n += sent.route().expected().size();
            }
        }
        return n;
    }

    /** @param extraRecipients connected people no route names whose posts are checked too (presence changes) */
    Found of(List<Traffic.Route> routes, Collection<String> extraRecipients, Traffic.Window window) {
        Map<String, Integer> seen = new HashMap<>();
        Latencies e2e = new Latencies();
        long unexpected = 0;
        long optional = 0;
        long delivered = 0;
        long last = 0;
        List<Long> postTimes = new ArrayList<>();
        long end = end(window);
        Set<String> recipients = new LinkedHashSet<>();
        routes.forEach(r -> {
            recipients.addAll(r.expected());
            recipients.addAll(r.forbidden());
        });
        recipients.addAll(extraRecipients);
        for (String recipient : recipients) {
            for (JsonNode post : chat.botPosts(recipient)) {
                for (long index : Traffic.markersIn(post.path("message").asString())) {
                    if (index < window.firstIndex() || index >= end) {
                        continue; // another window's message
                    }
                    Traffic.Sent sent = traffic.sent(index);
                    if (sent == null || sent.route().forbidden().contains(recipient)) {
                        unexpected++;
                        continue;
                    }
                    if (seen.merge(index + "/" + recipient, 1, Integer::sum) > 1) {
                        continue;
                    }
                    if (!sent.route().expected().contains(recipient)) {
                        optional++;
                        continue;
                    }
                    delivered++;
                    long createAt = post.path("create_at").asLong();
                    e2e.record(createAt - sent.sentAtMillis());
                    postTimes.add(createAt);
                    last = Math.max(last, createAt);
                }
            }
        }
        long duplicated = seen.values().stream().mapToLong(n -> n - 1).sum();
        return new Found(expectedPairs(window), delivered, duplicated, unexpected, optional, e2e, last, postTimes);
    }

    private static long end(Traffic.Window window) {
        return window.firstIndex() + window.sent() + window.failed();
    }
}
