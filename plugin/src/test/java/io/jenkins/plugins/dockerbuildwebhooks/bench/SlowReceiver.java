package io.jenkins.plugins.dockerbuildwebhooks.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver on 127.0.0.1 that answers every POST after a fixed delay without holding a thread
 * while it waits, so that 50 endpoints answering after 200 ms really answer after 200 ms.
 */
final class SlowReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final long delayMillis;
    private final int status;
    final AtomicInteger requests = new AtomicInteger();

    SlowReceiver(long delayMillis, int status) throws IOException {
        this.delayMillis = delayMillis;
        this.status = status;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        timer.schedule(() -> {
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException e) {
                // the client gave up: nothing to answer
            } finally {
                exchange.close();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
