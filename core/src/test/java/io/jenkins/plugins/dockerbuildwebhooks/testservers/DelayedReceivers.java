package io.jenkins.plugins.dockerbuildwebhooks.testservers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Benchmark receivers: many ports on 127.0.0.1 served by one selector thread, each request answered
 * {@code 200} after a fixed delay (keep-alive). One thread instead of a server and a pool per port
 * keeps the receiving side's own CPU use out of the sender's figures.
 */
public final class DelayedReceivers implements AutoCloseable {
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final long delayNanos;
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    private record Due(long at, SocketChannel channel) {}

    private static final class Connection {
        final StringBuilder head = new StringBuilder();
        long bodyLeft = -1;
    }

    public DelayedReceivers(int ports, long delayMillis) throws IOException {
        this.selector = Selector.open();
        this.delayNanos = delayMillis * 1_000_000;
        for (int i = 0; i < ports; i++) {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            s.configureBlocking(false);
            s.register(selector, SelectionKey.OP_ACCEPT);
            servers.add(s);
        }
        thread = new Thread(this::loop, "delayed-receivers");
        thread.setDaemon(true);
        thread.start();
    }

    public List<URI> urls() {
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            out.add(URI.create("http://127.0.0.1:" + servers.get(i).socket().getLocalPort() + "/hook/" + i));
        }
        return out;
    }

    /** Arrival times (System.nanoTime) of complete requests since the last call. */
    public List<Long> takeArrivals() {
        List<Long> out = new ArrayList<>();
        Long t;
        while ((t = arrivals.poll()) != null) {
            out.add(t);
        }
        return out;
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (running) {
            try {
                long now = System.nanoTime();
                while (!due.isEmpty() && due.peek().at <= now) {
                    respond(due.poll().channel);
                }
                long wait = due.isEmpty() ? 100 : Math.max(1, (due.peek().at - now) / 1_000_000);
                selector.select(wait);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        SocketChannel c = ((ServerSocketChannel) key.channel()).accept();
                        if (c != null) {
                            c.configureBlocking(false);
                            c.register(selector, SelectionKey.OP_READ, new Connection());
                        }
                    } else if (key.isReadable()) {
                        read(key, buf);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                // a client went away; keep serving the others
            }
        }
    }

    private void read(SelectionKey key, ByteBuffer buf) throws IOException {
        SocketChannel c = (SocketChannel) key.channel();
        Connection conn = (Connection) key.attachment();
        buf.clear();
        int n;
        try {
            n = c.read(buf);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            c.close();
            return;
        }
        buf.flip();
        while (buf.hasRemaining()) {
            if (conn.bodyLeft < 0) {
                conn.head.append((char) buf.get());
                int len = conn.head.length();
                if (len >= 4 && conn.head.substring(len - 4).equals("\r\n\r\n")) {
                    conn.bodyLeft = contentLength(conn.head.toString());
                }
            } else {
                int skip = (int) Math.min(conn.bodyLeft, buf.remaining());
                buf.position(buf.position() + skip);
                conn.bodyLeft -= skip;
            }
            if (conn.bodyLeft == 0) {
                long now = System.nanoTime();
                arrivals.add(now);
                due.add(new Due(now + delayNanos, c));
                conn.head.setLength(0);
                conn.bodyLeft = -1;
            }
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    private static void respond(SocketChannel c) {
        try {
            ByteBuffer out = ByteBuffer.wrap(RESPONSE);
            while (out.hasRemaining()) {
                c.write(out); // 70 bytes: fits the socket buffer at once
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ServerSocketChannel s : servers) {
            s.close();
        }
        selector.close();
    }
}
