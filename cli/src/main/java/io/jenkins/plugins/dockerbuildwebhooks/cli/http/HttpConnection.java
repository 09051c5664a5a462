package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Locale;

/**
 * Serves the requests of one connection, one after the other (HTTP/1.1 keep-alive; HTTP/1.0 only
 * when the client asks for it). The connection is closed after a refused head, after a body that
 * was left unread beyond {@link #DRAIN} bytes, when either side says {@code Connection: close},
 * when the client has been silent longer than the read timeout, and when a request's head is not
 * complete within the head timeout (see {@link Timeouts}).
 */
final class HttpConnection implements Runnable {
    static final long DRAIN = 64 * 1024;
    private static final int LINGER_MILLIS = 2_000;
    private static final long LINGER_BYTES = 4L * 1024 * 1024;

    private final Socket socket;
    private final HttpHandler handler;
    private final Runnable onClose;
    private final Timeouts timeouts;

    HttpConnection(Socket socket, HttpHandler handler, Timeouts timeouts, Runnable onClose) {
        this.socket = socket;
        this.handler = handler;
        this.timeouts = timeouts;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(timeouts.readMillis());
            socket.setTcpNoDelay(true);
            DeadlineInput in = new DeadlineInput(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            String remote = socket.getInetAddress().getHostAddress();
            boolean open = true;
            while (open) {
                open = serveOne(in, out, remote);
            }
        } catch (IOException e) {
            // the client went away, or was silent too long: nothing to answer
        } finally {
            onClose.run();
        }
    }

    /** Serves one request; true when the connection stays open for the next. */
    private boolean serveOne(DeadlineInput in, OutputStream out, String remote) throws IOException {
        in.startDeadline(timeouts.headMillis());
        ParsedHead head = RequestHeadParser.read(in, remote);
        in.clearDeadline();
        if (head instanceof ParsedHead.Closed) {
            return false;
        }
        if (head instanceof ParsedHead.Refusal refusal) {
            return refuse(in, out, refusal);
        }
        HttpRequest request = ((ParsedHead.Request) head).request();
        BodyFraming framing = BodyFraming.of(request);
        if (framing.refusal() != null) {
            return refuse(in, out, framing.refusal());
        }
        String expect = request.header("Expect");
        boolean expectContinue = expect != null && !request.http10() && "100-continue".equalsIgnoreCase(expect);
        if (expect != null && !request.http10() && !expectContinue) {
            return refuse(in, out, new ParsedHead.Refusal(417, "Expect " + expect + " is not supported"));
        }
        RequestBody body = new RequestBody(in, framing, () -> {
            if (expectContinue) {
                ResponseWriter.writeContinue(out);
            }
        });
        HttpResponse response;
        try {
            response = handler.handle(request, body);
        } catch (MalformedBodyException e) {
            return refuse(in, out, new ParsedHead.Refusal(400, e.getMessage()));
        } catch (RuntimeException e) {
            response = HttpResponse.text(500, "internal error: " + e.getClass().getSimpleName() + "\n").closing();
        }
        boolean close = response.close() || wantsClose(request) || !bodyDone(body, expectContinue);
        ResponseWriter.write(out, response, "HEAD".equals(request.method()), close, request.http10() && !close);
        if (close) {
            linger(in);
        }
        return !close;
    }

    /** Whether the body has been read to its end, or could be within {@link #DRAIN} bytes. */
    private static boolean bodyDone(RequestBody body, boolean expectContinue) {
        if (body.finished()) {
            return true;
        }
        if (expectContinue && !body.started()) {
            // the client waits for 100 Continue or this answer; it has not sent the body
            return false;
        }
        try {
            return body.drain(DRAIN);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean wantsClose(HttpRequest request) {
        boolean close = false;
        boolean keepAlive = false;
        for (String value : request.headers("Connection")) {
            for (String token : value.toLowerCase(Locale.ROOT).split(",")) {
                close |= "close".equals(token.strip());
                keepAlive |= "keep-alive".equals(token.strip());
            }
        }
        return close || request.http10() && !keepAlive;
    }

    private boolean refuse(InputStream in, OutputStream out, ParsedHead.Refusal refusal) throws IOException {
        ResponseWriter.write(out, HttpResponse.text(refusal.status(), refusal.reason() + "\n"), false, true, false);
        linger(in);
        return false;
    }

    /**
     * Closes the sending side first and reads what the client still sends for a moment, so that the
     * client reads the answer before the connection is reset by unread bytes.
     */
    private void linger(InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(LINGER_MILLIS);
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            byte[] buffer = new byte[8192];
            long read = 0;
            int n;
            while (read < LINGER_BYTES && System.nanoTime() < deadline && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            // it is being closed anyway
        }
    }
}
