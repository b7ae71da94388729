package io.teamsbridge.microsoft;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.http.OutboundMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Bytes Graph keeps for a chat message: a pasted image or a code snippet ({@code hostedContents}),
 * or a file shared from SharePoint or OneDrive. The app's token goes only to the configured Graph:
 * a hosted-content address is accepted only when it names the message being handled, on that
 * host, and the request is rebuilt from the configured base. Downloads stop at a size limit, and
 * every failure comes back as a value for the caller to show as a note.
 */
@Component
public class GraphContent {
    /** {@code …/chats/{chat}/messages/{message}/hostedContents/{id}/$value}, ids as raw path segments. */
    private static final Pattern HOSTED = Pattern.compile("/chats/([^/]+)/messages/([^/]+)/hostedContents/([^/]+)/\\$value$");

    private final MicrosoftProperties properties;
    private final AppTokens appTokens;
    private final OutboundClients http;

    /** A download's outcome. */
    public sealed interface Download {
        /** The bytes, their media type (without parameters, lower case) and, for files, the name Graph gives. */
        record Fetched(byte[] bytes, String contentType, String name) implements Download {}

        /** Why there are no bytes: in words for a log, and whether it was only too large. */
        record Failed(String reason, boolean tooLarge) implements Download {}
    }

    public GraphContent(MicrosoftProperties properties, AppTokens appTokens, OutboundClients http) {
        this.properties = properties;
        this.appTokens = appTokens;
        this.http = http;
    }

    /**
     * A hosted content of the message (chat, message), at most {@code maxBytes}.
     *
     * @param url the address as it appears in the message (an {@code <img src>} or a snippet card)
     */
    public Download hostedContent(String url, String chatId, String messageId, long maxBytes) {
        return hostedContent(url, chatId, messageId, maxBytes, null);
    }

    /** The same read with a chat member's delegated token (Chat.Read), or the app's when {@code userToken} is null. */
    public Download hostedContent(String url, String chatId, String messageId, long maxBytes, String userToken) {
        URI given;
        try {
            given = new URI(url.strip());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return new Download.Failed("not an address", false);
        }
        URI graph = URI.create(properties.graphBase());
        if (!sameOrigin(given, graph) || given.getRawQuery() != null || given.getRawPath() == null) {
            return new Download.Failed("not an address of the configured Microsoft Graph", false);
        }
        Matcher m = HOSTED.matcher(given.getRawPath());
        if (!m.find() || !chatId.equals(decode(m.group(1))) || !messageId.equals(decode(m.group(2)))) {
            return new Download.Failed("not a hosted content of this message", false);
        }
        URI target = URI.create(properties.graphBase() + "/chats/" + m.group(1) + "/messages/" + m.group(2) + "/hostedContents/"
                + m.group(3) + "/$value");
        return get(target, true, userToken, maxBytes, null);
    }

    /**
     * A file shared in a chat, through Graph's sharing-link access ({@code /shares/u!…/driveItem/content});
     * needs the application permission Files.Read.All.
     */
    public Download sharedFile(String contentUrl, String name, long maxBytes) {
        String shareId = "u!" + Base64.getUrlEncoder().withoutPadding().encodeToString(contentUrl.strip().getBytes(StandardCharsets.UTF_8));
        return get(URI.create(properties.graphBase() + "/shares/" + shareId + "/driveItem/content"), true, null, maxBytes, name);
    }

    /**
     * Graph may answer a file's content with a redirect to a pre-authenticated address: followed once, without the token.
     *
     * @param userToken the delegated token to send, or null for the app's
     */
    private Download get(URI uri, boolean withToken, String userToken, long maxBytes, String name) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout()).GET();
        if (withToken) {
            request.header("Authorization", "Bearer " + (userToken != null ? userToken : appTokens.token()));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream(), OutboundMetrics.GRAPH);
        } catch (IOException e) {
            return new Download.Failed("Graph could not be reached: " + e.getClass().getSimpleName(), false);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (withToken && (status == 301 || status == 302 || status == 303 || status == 307)) {
                return redirect(response, maxBytes, name);
            }
            if (status / 100 != 2) {
                if (status == 401 && userToken == null) {
                    appTokens.invalidate();
                }
                return new Download.Failed("Graph answered " + status, false);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return new Download.Failed("larger than " + maxBytes + " bytes", true);
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                return new Download.Failed("larger than " + maxBytes + " bytes", true);
            }
            String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
            return new Download.Fetched(bytes, type.replaceAll(";.*$", "").strip().toLowerCase(Locale.ROOT), name);
        } catch (IOException e) {
            return new Download.Failed("the download broke off: " + e.getClass().getSimpleName(), false);
        }
    }

    private Download redirect(HttpResponse<?> response, long maxBytes, String name) {
        URI next;
        try {
            next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        } catch (RuntimeException e) {
            return new Download.Failed("Graph redirected nowhere", false);
        }
        boolean secure = "https".equalsIgnoreCase(next.getScheme());
        boolean local = "http".equalsIgnoreCase(next.getScheme()) && sameOrigin(next, URI.create(properties.graphBase()));
        if (!secure && !local) {
            return new Download.Failed("Graph redirected to an address that is not https", false);
        }
        return get(next, false, null, maxBytes, name);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
