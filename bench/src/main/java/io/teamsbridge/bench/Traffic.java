package io.teamsbridge.bench;

import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Teams messages sent at a fixed rate through the Microsoft emulator's control API, each carrying a
 * unique marker so that its notification can be found, exactly once, among the bot's posts.
 *
 * <p>Open loop: message {@code i} is due at {@code start + i / rate} whatever happened to earlier
 * ones; a pool of senders keeps up as long as the emulator answers in time. What it could not send
 * on schedule shows as achieved below offered.
 */
final class Traffic {
    private static final Pattern MARKER = Pattern.compile("bmk(\\d+)q");
    private static final int SENDERS = 32;

    /**
     * Where a message goes: the chat, who sends it, the Mattermost users who must be notified exactly
     * once, and those who must not be (connected but available). Connected members in neither list
     * (their presence changes during the run) may or may not be notified, but never twice.
     */
    record Route(String chatId, String fromTeamsUserId, List<String> expected, List<String> forbidden) {
        static Route oneRecipient(String chatId, String fromTeamsUserId, String recipient) {
            return new Route(chatId, fromTeamsUserId, List.of(recipient), List.of());
        }
    }

    /** A message: HTML with its mentions and attachments. */
    record Body(String html, List<MicrosoftControlClient.Mention> mentions,
            List<MicrosoftControlClient.Attachment> attachments) {
        static Body html(String html) {
            return new Body(html, List.of(), List.of());
        }
    }

    /** A message the emulator accepted: which route, and when (epoch ms) just before it was sent. */
    record Sent(long index, Route route, long sentAtMillis) {}

    /** What one sending window did. */
    record Window(long firstIndex, long sent, long failed, long startMillis, long endMillis) {
        double seconds() {
            return Math.max(1, endMillis - startMillis) / 1000.0;
        }
    }

    /**
     * How a message gets into the Microsoft emulator: its control API over HTTP, or the same call in
     * this process (the default: the senders then take less of the CPU the bridge is measured on,
     * and a burst of thousands per second can be offered at all).
     */
    @FunctionalInterface
    interface Poster {
        String post(String chatId, String fromUserId, String contentType, String content,
                List<MicrosoftControlClient.Mention> mentions, List<MicrosoftControlClient.Attachment> attachments);
    }

    private final Poster teams;
    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicLong nextIndex = new AtomicLong();

    Traffic(Poster teams) {
        this.teams = teams;
    }

    static String marker(long index) {
        return "bmk" + index + "q";
    }

    /** The markers in a post's text. */
    static List<Long> markersIn(String text) {
        Matcher m = MARKER.matcher(text);
        List<Long> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    Sent sent(long index) {
        return sent.get(index);
    }

    /** Sends {@code rate × seconds} messages over {@code seconds}, round-robin over the routes. */
    Window run(List<Route> routes, double rate, double seconds, BodyMix bodies) throws InterruptedException {
        long total = Math.round(rate * seconds);
        long first = nextIndex.getAndAdd(total);
        AtomicLong claimed = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        for (int t = 0; t < SENDERS; t++) {
            pool.execute(() -> {
                long n;
                while ((n = claimed.getAndIncrement()) < total) {
                    long due = startNanos + (long) (n * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    long index = first + n;
                    Route route = routes.get((int) (index % routes.size()));
                    long at = System.currentTimeMillis();
                    try {
                        Body body = bodies.body(index, marker(index), route);
                        teams.post(route.chatId(), route.fromTeamsUserId(), "html", body.html(), body.mentions(),
                                body.attachments());
                        sent.put(index, new Sent(index, route, at));
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination((long) seconds + 300, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return new Window(first, ok.get(), failed.get(), startMillis, System.currentTimeMillis());
    }

    /** Message bodies: the same realistic HTML shapes the JMH renderer benchmark uses. */
    interface BodyMix {
        Body body(long index, String marker, Route route);
    }
}
