package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads a response without trusting its size: keeps the first {@link Attempt#EXCERPT_LIMIT} bytes
 * and stops reading (closing the connection) after {@link #READ_LIMIT} bytes, so a 50 MB answer
 * costs 64 KiB. The summary completes {@link #result()} as soon as it is known; everything after
 * that is ignored.
 */
final class CappedResponseConsumer implements AsyncResponseConsumer<Void> {
    /** Most body bytes read before the connection is dropped. */
    static final int READ_LIMIT = 64 * 1024;

    private final CompletableFuture<ResponseSummary> result = new CompletableFuture<>();
    private final byte[] excerpt = new byte[Attempt.EXCERPT_LIMIT];
    private int kept;
    private long read;
    private int status;
    private String retryAfter;
    private String location;
    private volatile long headersAtNanos;
    private FutureCallback<Void> callback;

    CompletableFuture<ResponseSummary> result() {
        return result;
    }

    /** When the response headers arrived (System.nanoTime), or 0. */
    long headersAtNanos() {
        return headersAtNanos;
    }

    @Override
    public synchronized void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
            FutureCallback<Void> callback) {
        headersAtNanos = System.nanoTime();
        status = response.getCode();
        Header ra = response.getFirstHeader("Retry-After");
        retryAfter = ra == null ? null : ra.getValue();
        Header loc = response.getFirstHeader("Location");
        location = loc == null ? null : loc.getValue();
        if (entity == null) {
            finish(null);
            callback.completed(null);
        } else {
            this.callback = callback;
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing a webhook sender needs
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        channel.update(Integer.MAX_VALUE);
    }

    @Override
    public synchronized void consume(ByteBuffer src) throws IOException {
        int n = src.remaining();
        int keep = Math.min(n, excerpt.length - kept);
        src.get(excerpt, kept, keep);
        kept += keep;
        src.position(src.limit());
        read += n;
        if (read > READ_LIMIT) {
            finish("response body longer than " + READ_LIMIT / 1024 + " KiB: read stopped");
            // failing the exchange is how HttpClient is told to stop reading and drop the connection
            throw new IOException("response body read stopped at the limit");
        }
    }

    @Override
    public synchronized void streamEnd(List<? extends Header> trailers) {
        finish(null);
        if (callback != null) {
            callback.completed(null);
        }
    }

    /** Completes with what has arrived so far if the headers are in; false if they are not. */
    synchronized boolean finishEarly(String note) {
        if (headersAtNanos == 0) {
            return false;
        }
        finish(note);
        return true;
    }

    @Override
    public void failed(Exception cause) {
        result.completeExceptionally(cause);
    }

    @Override
    public void releaseResources() {
        // nothing pooled
    }

    private void finish(String note) {
        String text = new String(excerpt, 0, kept, StandardCharsets.UTF_8);
        result.complete(new ResponseSummary(status, retryAfter, location, text, note));
    }
}
