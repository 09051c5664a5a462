package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.AddressPolicy;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.RetryPolicy;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.TrustStores;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** How deliveries travel, shared by {@code send} and {@code redeliver}: network policy, TLS, proxy, retries, output. */
final class DispatchOptions {

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "5",
            description = "Attempts per delivery in all, retries included (default 5).")
    int attempts;

    @Option(names = "--block-private",
            description = "Refuse loopback, private (RFC 1918), CGNAT and IPv6 ULA targets unless allowed with --allow.")
    boolean blockPrivate;

    @Option(names = "--allow", paramLabel = "CIDR|HOST",
            description = "Allow this range, address or host name despite --block-private; repeatable. "
                    + "Link-local and cloud metadata addresses can never be allowed.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Trust exactly the CA certificates in FILE (PEM, or PKCS12) instead of the JDK's.")
    Path trustStore;

    @Option(names = "--trust-store-password-env", paramLabel = "VAR",
            description = "Environment variable holding the PKCS12 trust store password, if it has one.")
    String trustStorePasswordEnv;

    @Option(names = "--proxy", paramLabel = "HOST:PORT",
            description = "Send through this HTTP proxy (it resolves target names; the address policy then checks the proxy).")
    String proxy;

    @Option(names = "--json", description = "Print the results as JSON on stdout (the table still goes to stderr).")
    boolean json;

    /** The dispatcher these options describe; entries of --allow that can never open anything are warned about on {@code err}. */
    Dispatcher.Builder dispatcher(Function<String, String> env, PrintStream err) throws IOException {
        AddressPolicy.Builder policy = AddressPolicy.builder().blockPrivate(blockPrivate);
        for (String entry : allow) {
            policy.allow(entry);
            AddressPolicy.neverAllowed(entry).ifPresent(why -> err.println("warning: --allow " + entry
                    + " opens nothing: " + why));
        }
        Dispatcher.Builder b = Dispatcher.builder()
                .addressPolicy(policy.build())
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(attempts))
                .userAgent("docker-build-webhooks/" + VersionProvider.version());
        if (trustStore != null) {
            char[] password = trustStorePasswordEnv == null ? null : Env.require(env, trustStorePasswordEnv).toCharArray();
            b.sslContext(TrustStores.load(trustStore, password));
        }
        if (proxy != null) {
            int colon = proxy.lastIndexOf(':');
            int port = -1;
            if (colon > 0) {
                try {
                    port = Integer.parseInt(proxy.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            if (port < 1 || port > 65535) {
                throw new UsageException("--proxy " + proxy + ": expected HOST:PORT");
            }
            b.proxy(proxy.substring(0, colon), port);
        }
        return b;
    }

    /**
     * Opens a journal for a person who may have named the wrong file: anything that is not a
     * journal, damaged records included, is refused and left as it is.
     */
    static DeliveryJournal openJournal(Path file, PrintStream err) throws IOException {
        return DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, w -> err.println("warning: " + w),
                DeliveryJournal.Damage.REFUSE);
    }

    /**
     * The shutdown hook's work when a signal stops {@code command}: stop sending (what is under way
     * stays unfinished in the journal), close the journal, and say how to resume.
     */
    static void stopped(String command, Dispatcher dispatcher, DeliveryJournal journal, PrintStream err) {
        dispatcher.close();
        if (journal == null) {
            err.println(command + ": stopped before every delivery finished; without --journal they cannot be resumed");
            err.flush();
            return;
        }
        int unfinished = journal.unfinished().size();
        try {
            journal.close();
        } catch (IOException e) {
            err.println(command + ": could not close " + journal.file() + ": " + e.getMessage());
        }
        err.println(command + ": stopped; " + unfinished + " unfinished " + (unfinished == 1 ? "delivery" : "deliveries")
                + " recorded in " + journal.file() + ": `redeliver --journal " + journal.file()
                + "` sends them with the same webhook-id");
        err.flush();
    }
}
