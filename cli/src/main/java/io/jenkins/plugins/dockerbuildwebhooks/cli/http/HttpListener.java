package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A small HTTP/1.1 server: one thread per open connection, at most {@link #MAX_CONNECTIONS} of
 * them; further connections wait in the listen backlog until one closes, and {@link Timeouts} close
 * the ones that keep it waiting. It hands each request to
 * its handler with the header names exactly as they were sent, which the JDK's built-in server
 * does not (it rewrites {@code X-Hub-Signature-256} to {@code X-hub-signature-256}).
 */
public final class HttpListener implements AutoCloseable {
    static final int MAX_CONNECTIONS = 64;

    private final ServerSocket server;
    private final HttpHandler handler;
    private final Timeouts timeouts;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections = Executors.newCachedThreadPool(daemon("http-connection"));
    private final Thread acceptor;
    private volatile boolean closed;

    private HttpListener(ServerSocket server, HttpHandler handler, Timeouts timeouts) {
        this.server = server;
        this.handler = handler;
        this.timeouts = timeouts;
        this.acceptor = daemon("http-accept").newThread(this::acceptLoop);
    }

    /** Binds the address (port 0: any free one); {@link java.net.BindException} when it is taken. */
    public static HttpListener bind(InetSocketAddress address, HttpHandler handler) throws IOException {
        return bind(address, handler, Timeouts.DEFAULT);
    }

    static HttpListener bind(InetSocketAddress address, HttpHandler handler, Timeouts timeouts) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(address, 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return new HttpListener(server, handler, timeouts);
    }

    public void start() {
        acceptor.start();
    }

    /** The address it listens on, with the real port when 0 was asked for. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                slots.acquire();
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(new HttpConnection(socket, handler, timeouts, () -> {
                    open.remove(socket);
                    slots.release();
                }));
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                slots.release();
                pauseAfterFailedAccept();
            }
        }
    }

    /** One failed accept (out of file descriptors, say) is no reason to stop; a pause keeps it from spinning. */
    private void pauseAfterFailedAccept() {
        if (!closed) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        acceptor.interrupt();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
