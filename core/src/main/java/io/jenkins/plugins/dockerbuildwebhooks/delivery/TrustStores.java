package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context for a configured trust store. There is deliberately no way to trust
 * every certificate: a receiver with a private CA is trusted by adding that CA here.
 */
public final class TrustStores {
    private TrustStores() {}

    /**
     * An SSL context trusting exactly the certificates in {@code file}: PEM (one or more
     * {@code BEGIN CERTIFICATE} blocks) or PKCS12 ({@code password} may be null).
     */
    public static SSLContext load(Path file, char[] password) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            KeyStore store;
            if (new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII).contains("-----BEGIN")) {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(bytes));
                if (certs.isEmpty()) {
                    throw new IOException("trust store " + file + ": no certificates found");
                }
                int i = 0;
                for (Certificate c : certs) {
                    store.setCertificateEntry("cert-" + i++, c);
                }
            } else {
                store = KeyStore.getInstance("PKCS12");
                store.load(new ByteArrayInputStream(bytes), password);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("trust store " + file + " is neither PEM certificates nor a readable PKCS12 file: "
                    + e.getMessage(), e);
        }
    }
}
