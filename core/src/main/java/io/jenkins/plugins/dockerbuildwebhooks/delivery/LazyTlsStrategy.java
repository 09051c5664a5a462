package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.SocketAddress;
import java.util.function.Supplier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the real TLS strategy on the first https connection. Loading the JDK trust store costs
 * about 150 ms of start-up, which a CLI run that only posts over http should not pay.
 */
final class LazyTlsStrategy implements TlsStrategy {
    private final Supplier<TlsStrategy> factory;
    private volatile TlsStrategy delegate;

    LazyTlsStrategy(Supplier<TlsStrategy> factory) {
        this.factory = factory;
    }

    private TlsStrategy delegate() {
        TlsStrategy d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = factory.get();
                    delegate = d;
                }
            }
        }
        return d;
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public boolean upgrade(TransportSecurityLayer session, HttpHost host, SocketAddress localAddress,
            SocketAddress remoteAddress, Object attachment, Timeout handshakeTimeout) {
        return delegate().upgrade(session, host, localAddress, remoteAddress, attachment, handshakeTimeout);
    }

    @Override
    public void upgrade(TransportSecurityLayer session, NamedEndpoint endpoint, Object attachment, Timeout handshakeTimeout,
            FutureCallback<TransportSecurityLayer> callback) {
        delegate().upgrade(session, endpoint, attachment, handshakeTimeout, new FutureCallback<>() {
            @Override
            public void completed(TransportSecurityLayer result) {
                if (callback != null) {
                    callback.completed(result);
                }
            }

            @Override
            public void failed(Exception ex) {
                // a timeout here is the handshake's: say so, or it reads like a slow receiver
                Exception reported = ex instanceof java.net.SocketTimeoutException
                        ? new HandshakeTimeoutException(endpoint.getHostName(), handshakeTimeout, ex) : ex;
                if (callback != null) {
                    callback.failed(reported);
                }
            }

            @Override
            public void cancelled() {
                if (callback != null) {
                    callback.cancelled();
                }
            }
        });
    }

    /** The TLS handshake with a host did not finish in time: often a plain-HTTP server on an https URL. */
    static final class HandshakeTimeoutException extends java.net.SocketTimeoutException {
        private static final long serialVersionUID = 1L;
        private final String host;
        private final transient Timeout timeout;

        HandshakeTimeoutException(String host, Timeout timeout, Exception cause) {
            super("TLS handshake with " + host + " did not finish within " + timeout);
            this.host = host;
            this.timeout = timeout;
            initCause(cause);
        }

        String host() {
            return host;
        }

        Timeout timeout() {
            return timeout;
        }
    }
}
