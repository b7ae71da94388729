package io.teamsbridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback that tunnels https with {@code CONNECT}, as enterprise proxies do, and
 * asks for Basic credentials (407) first. It records the targets it opened tunnels to.
 */
public final class TunnelProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final AtomicInteger challenged = new AtomicInteger();

    private TunnelProxy(ServerSocket server, String username, String password) {
        this.server = server;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static TunnelProxy start(String username, String password) throws IOException {
        TunnelProxy proxy = new TunnelProxy(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()), username, password);
        Thread.ofVirtual().name("tunnel-proxy").start(proxy::accept);
        return proxy;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The {@code host:port} of every tunnel opened with the right credentials. */
    public List<String> tunnels() {
        return List.copyOf(tunnels);
    }

    public int challenged() {
        return challenged.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] request = head.getFirst().split(" ");
                String authorization = head.stream().skip(1)
                        .filter(h -> h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:"))
                        .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst().orElse("");
                if (!expectedAuthorization.equals(authorization)) {
                    challenged.incrementAndGet();
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue; // the client asks again on this connection, with credentials
                }
                if (!request[0].equals("CONNECT")) {
                    out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                String[] target = request[1].split(":");
                try (Socket upstream = new Socket(target[0], Integer.parseInt(target[1]))) {
                    tunnels.add(request[1]);
                    out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
                    pipe(client, upstream);
                    back.join();
                }
                return;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client or the target went away: the tunnel ends
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ended) {
            // one side closed
        }
    }

    /** The request line and headers, up to the blank line; empty at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        int c;
        List<String> lines = new java.util.ArrayList<>();
        while ((c = in.read()) != -1) {
            if (c == '\n' && previous == '\r') {
                String line = bytes.toString(StandardCharsets.US_ASCII);
                line = line.substring(0, line.length() - 1);
                if (line.isEmpty()) {
                    return lines;
                }
                lines.add(line);
                bytes.reset();
            } else {
                bytes.write(c);
            }
            previous = c;
        }
        return List.of();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
