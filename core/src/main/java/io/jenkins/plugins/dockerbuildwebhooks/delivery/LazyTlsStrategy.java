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
        delegate().upgrade(session, endpoint, attachment, handshakeTimeout, callback);
    }
}
