package io.teamsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sends hostile requests, checks each answer (the expected kind, never a 5xx, never a stack trace
 * or a framework's error page) and counts them per class of attack, for the figures in
 * docs/security.md.
 */
final class ProbeLog {
    /** What a request may be answered with: a refusal, or the endpoint's documented success. */
    enum Expect {
        REFUSED, ANSWERED, REFUSED_OR_ANSWERED;

        boolean allows(int status) {
            boolean refused = status >= 400 && status < 500;
            boolean answered = status >= 200 && status < 400;
            return switch (this) {
                case REFUSED -> refused;
                case ANSWERED -> answered;
                case REFUSED_OR_ANSWERED -> refused || answered;
            };
        }
    }

    /** Things that say an error escaped to the client instead of being answered. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.[a-z]+|Whitelabel|Apache Tomcat/|\"trace\"|org\\.springframework|io\\.teamsbridge\\.[a-z]+\\.[A-Z]|SQLState|syntax error");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Map<String, int[]> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    ProbeLog(URI base) {
        this.base = base;
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    /** A GET of a path and query as written, even one that is not a valid URI (sent raw then). */
    void get(String attackClass, String pathAndQuery, Expect expect) {
        try {
            URI.create(base + pathAndQuery);
        } catch (IllegalArgumentException notAUri) {
            sendRaw(attackClass, ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8), expect);
            return;
        }
        send(attackClass, request(pathAndQuery), expect);
    }

    /** Sends the request and records its answer; returns it for further checks. */
    HttpResponse<String> send(String attackClass, HttpRequest.Builder request, Expect expect) {
        HttpRequest built = request.build();
        String what = built.method() + " " + abbreviate(built.uri().getRawPath());
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            record(attackClass, what, response.statusCode(), response.body(), expect);
            return response;
        } catch (IOException e) {
            // A connection the server closes on a request it will not read is a refusal, not an error.
            record(attackClass, what, 400, "", expect);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes that no well-behaved client would (a broken request line, headers, encoding). */
    int sendRaw(String attackClass, byte[] request, Expect expect) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            int status = answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : 400;
            int bodyAt = answer.indexOf("\r\n\r\n");
            record(attackClass, "raw " + abbreviate(new String(request, 0, Math.min(40, request.length), StandardCharsets.ISO_8859_1)),
                    status, bodyAt < 0 ? "" : answer.substring(bodyAt), expect);
            return status;
        } catch (IOException closed) {
            record(attackClass, "raw request", 400, "", expect);
            return 400;
        }
    }

    private void record(String attackClass, String what, int status, String body, Expect expect) {
        int[] c = counts.computeIfAbsent(attackClass, k -> new int[4]);
        c[0]++;
        if (status >= 500) {
            c[3]++;
        } else if (status >= 400) {
            c[2]++;
        } else {
            c[1]++;
        }
        if (!expect.allows(status)) {
            failures.add(attackClass + ": " + what + " answered " + status + ", expected " + expect + ": " + abbreviate(body));
        }
        if (body != null && LEAK.matcher(body).find()) {
            failures.add(attackClass + ": " + what + " answered with internals: " + abbreviate(body));
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    int sent() {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    void assertAllAsExpected() {
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
    }

    /** The per-class table, as docs/security.md shows it. */
    String table(int stateChanges) {
        StringBuilder table = new StringBuilder("| Class | Requests | 2xx/3xx (documented success) | 4xx | 5xx |\n|---|---|---|---|---|\n");
        int[] total = new int[4];
        counts.forEach((attackClass, c) -> {
            table.append("| ").append(attackClass).append(" | ").append(c[0]).append(" | ").append(c[1]).append(" | ")
                    .append(c[2]).append(" | ").append(c[3]).append(" |\n");
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        });
        table.append("| **all** | ").append(total[0]).append(" | ").append(total[1]).append(" | ").append(total[2]).append(" | ")
                .append(total[3]).append(" |\n\nStored state changes: ").append(stateChanges).append('\n');
        return table.toString();
    }

    void write(Path file, int stateChanges) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, table(stateChanges));
    }
}
