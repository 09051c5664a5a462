package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;

/** Turns attempt failures into short messages that never show more of the URL than its host. */
final class AttemptErrors {
    private AttemptErrors() {}

    static Throwable root(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The blocking exception somewhere in the chain, or null. */
    static BlockedAddressException blocked(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof BlockedAddressException b) {
                return b;
            }
        }
        return null;
    }

    /** TLS failures (untrusted certificate, wrong host name) do not heal by retrying. */
    static boolean permanent(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable t, URI url) {
        Throwable e = root(t);
        String text;
        LazyTlsStrategy.HandshakeTimeoutException handshake =
                (LazyTlsStrategy.HandshakeTimeoutException) deepest(e, LazyTlsStrategy.HandshakeTimeoutException.class);
        if (handshake != null) {
            long ms = handshake.timeout().toMilliseconds();
            text = "TLS handshake with " + handshake.host() + " did not finish within "
                    + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms") + " (is it plain HTTP?)";
        } else if (chainHas(e, SSLException.class)) {
            text = "TLS failed: " + deepest(e, SSLException.class).getMessage();
        } else if (e instanceof UnknownHostException) {
            text = "cannot resolve host " + url.getHost() + messageSuffix(e, url.getHost());
        } else if (chainHas(e, ConnectException.class) || e.getClass().getSimpleName().equals("HttpHostConnectException")) {
            String m = String.valueOf(e.getMessage());
            text = m.contains("refused") ? "connection refused" : "cannot connect: " + m;
        } else if (e instanceof TimeoutException || chainHas(e, SocketTimeoutException.class)
                || e.getClass().getSimpleName().contains("Timeout")) {
            text = "timed out: " + e.getMessage();
        } else if (e instanceof ConnectionClosedException) {
            text = "connection closed before a complete response";
        } else if (e instanceof SocketException) {
            text = "connection error: " + e.getMessage();
        } else if (e instanceof CancellationException) {
            text = "cancelled";
        } else {
            text = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return mask(text, url);
    }

    private static String messageSuffix(Throwable e, String host) {
        String m = e.getMessage();
        return m == null || m.equals(host) ? "" : " (" + m + ")";
    }

    /** Removes the URL's path and query from {@code text}, which HTTP client messages sometimes quote. */
    static String mask(String text, URI url) {
        String out = text;
        String full = url.toString();
        if (out.contains(full)) {
            out = out.replace(full, WebhookUrls.mask(url));
        }
        String path = url.getRawPath();
        if (path != null && path.length() > 1 && out.contains(path)) {
            out = out.replace(path, "/…");
        }
        String query = url.getRawQuery();
        if (query != null && !query.isEmpty() && out.contains(query)) {
            out = out.replace(query, "…");
        }
        return out;
    }

    private static boolean chainHas(Throwable t, Class<? extends Throwable> type) {
        return deepest(t, type) != null;
    }

    private static Throwable deepest(Throwable t, Class<? extends Throwable> type) {
        Throwable found = null;
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (type.isInstance(e)) {
                found = e;
            }
        }
        return found;
    }
}
