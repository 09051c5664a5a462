package io.jenkins.plugins.dockerbuildwebhooks.testservers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket server on 127.0.0.1 for faults an HTTP server library will not produce: resets mid
 * response, headers that never come, bodies that trickle or never end.
 */
public final class FaultServer implements AutoCloseable {
    /** What to do with one connection after its request was read. */
    @FunctionalInterface
    public interface Behaviour {
        void respond(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.List<String> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FaultServer(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        this.acceptor = new Thread(this::acceptLoop, "fault-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FaultServer start(Behaviour behaviour) throws IOException {
        return new FaultServer(behaviour);
    }

    /** Sends the status line and headers, then resets the connection (RST) before the body. */
    public static Behaviour resetMidResponse() {
        return (socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Never answers within {@code millis}. */
    public static Behaviour silentFor(long millis) {
        return (socket, out) -> Thread.sleep(millis);
    }

    /** Answers 200 with a 1000-byte body, one byte every {@code millis}. */
    public static Behaviour slowBody(long millis) {
        return (socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(millis);
            }
        };
    }

    /** Answers 200 with a body of {@code bytes} bytes. */
    public static Behaviour hugeBody(long bytes) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + bytes + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'y');
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, n);
                left -= n;
            }
            out.flush();
        };
    }

    /** Answers {@code status} with a short body, like a receiver (or a forwarding proxy) would. */
    public static Behaviour answer(int status) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }

    /** The request line and headers of every request, in arrival order. */
    public java.util.List<String> requestHeads() {
        return java.util.List.copyOf(heads);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many requests arrived. */
    public int requests() {
        return requests.get();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fault-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            heads.add(readRequest(in));
            requests.incrementAndGet();
            behaviour.respond(s, s.getOutputStream());
        } catch (IOException | InterruptedException e) {
            // the client went away: expected for most faults
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request ended");
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.readNBytes((int) length);
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
