package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.RequestVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code receive}: a local webhook receiver with a live page, for trying out and testing senders. */
@Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Listen for webhooks and show each delivery as it arrives on a page in the browser.",
            "Records every request except the page's own (GET /, GET /_receive/...: the page and its JSON API), "
                    + "checks Standard Webhooks and X-Hub-Signature-256 signatures and flags repeated webhook-ids. "
                    + "Runs until stopped."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "2:bad usage or input, or the port cannot be opened (the message says which)",
            "130:stopped with Ctrl-C (143: with kill), as for any Java program"
        })
final class ReceiveCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8765;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--secret-env", paramLabel = "VAR",
            description = "Environment variable holding the signing secret the sender uses; checks Standard Webhooks "
                    + "(whsec_<base64>, or any other text as raw key bytes) and X-Hub-Signature-256.")
    String secretEnv;

    @Option(names = "--status", paramLabel = "CODE", defaultValue = "200",
            description = "Status code to answer deliveries with (default: ${DEFAULT-VALUE}).")
    int status;

    @Option(names = "--delay", paramLabel = "DURATION",
            description = "Wait this long before answering, e.g. 500ms, 3s, 1m (default: no wait).")
    String delay;

    @Option(names = "--fail-first", paramLabel = "N", defaultValue = "0",
            description = "Answer 503 to the first N attempts of each webhook-id (requests without one count "
                    + "together), then --status.")
    int failFirst;

    @Option(names = "--callback", paramLabel = "STATE",
            description = "After each delivery answered 2xx, POST a Docker Hub callback with this state "
                    + "(success, failure or error) to the payload's callback_url.")
    String callback;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Store each body byte for byte in DIR (file names are generated).")
    Path dir;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "1MiB",
            description = "Largest body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    String maxBody;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "" + ReceiverSettings.DEFAULT_KEEP,
            description = "Deliveries kept for the page and the API, oldest dropped first (default: ${DEFAULT-VALUE}; "
                    + "also at most 64 MiB).")
    int keep;

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    ReceiveCommand() {
        this(Clock.systemUTC(), System.out, System.err);
    }

    ReceiveCommand(Clock clock, PrintStream out, PrintStream err) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ReceiverSettings settings = settings();
        Receiver receiver;
        try {
            receiver = new Receiver(settings, clock, out);
        } catch (BindException e) {
            throw new UsageException("--bind " + bind + " --port " + port + ": cannot listen there ("
                    + e.getMessage() + "); choose another port, or --port 0 for any free one");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            stopped.countDown();
        }, "receive-shutdown"));
        receiver.start();
        out.println("receive: listening on " + receiver.url() + " (open it in a browser; Ctrl-C stops)");
        out.flush();
        stopped.await();
        return Cli.OK;
    }

    ReceiverSettings settings() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + ": must be 0 to 65535");
        }
        if (status < 200 || status > 599) {
            throw new UsageException("--status " + status + ": must be a final status code, 200 to 599");
        }
        if (failFirst < 0) {
            throw new UsageException("--fail-first " + failFirst + ": must be 0 or more");
        }
        if (keep < 1 || keep > 100_000) {
            throw new UsageException("--keep " + keep + ": must be 1 to 100000");
        }
        long max = Sizes.parse("--max-body", maxBody);
        if (max < 1 || max > 64L * 1024 * 1024) {
            throw new UsageException("--max-body " + maxBody + ": must be 1 byte to 64MiB");
        }
        Duration wait = delay == null ? Duration.ZERO : Durations.parse("--delay", delay);
        CallbackState state = callback == null ? null
                : CallbackState.fromWireName(callback.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                        new UsageException("--callback " + callback + ": must be success, failure or error"));
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (!address.isLoopbackAddress()) {
                err.println("receive: warning: --bind " + bind + " is reachable from other machines; anyone who can "
                        + "reach it can read the deliveries on the page");
            }
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + bind + ": unknown address");
        }
        return new ReceiverSettings(bind, port, (int) max, keep, ReceiverSettings.DEFAULT_KEEP_BYTES, status, wait,
                failFirst, state, dir, verifier());
    }

    private RequestVerifier verifier() {
        if (secretEnv == null) {
            return RequestVerifier.withoutSecret();
        }
        String secret = Env.require(System::getenv, secretEnv);
        RequestVerifier verifier = RequestVerifier.forSecret(secret, clock);
        if (!verifier.standardWebhooksUsable()) {
            err.println("receive: warning: the secret in " + secretEnv + " starts with whsec_ but is not valid "
                    + "base64 after it: only X-Hub-Signature-256 can be checked");
        }
        return verifier;
    }
}
