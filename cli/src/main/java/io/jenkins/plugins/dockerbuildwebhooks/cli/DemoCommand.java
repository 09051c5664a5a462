package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.SignatureScheme;
import io.jenkins.plugins.dockerbuildwebhooks.extract.CollectedImages;
import io.jenkins.plugins.dockerbuildwebhooks.extract.ImageCollector;
import io.jenkins.plugins.dockerbuildwebhooks.extract.Note;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Payload;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFactory;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadWriter;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.RequestVerifier;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole job on a machine without Docker or a receiver. The build and push output
 * of a real run ships in the jar; it is read as {@code images} reads logs, turned into payloads,
 * sent signed to an embedded {@code receive}, and checked there, all on loopback.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the main job once on a real build and push output that ships in the jar.",
            "It starts a receiver on a free loopback port, reads the images from the output, sends their payloads "
                    + "signed to the receiver and shows what arrived and whether the signatures check out.",
            "The receiver keeps serving its page until Ctrl-C; with --once the command ends after the deliveries."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:(with --once) every delivery arrived with valid signatures",
            "1:(with --once) a delivery failed or a signature did not check out",
            "2:bad usage, or the port cannot be opened",
            "130:stopped with Ctrl-C (143: with kill)"})
final class DemoCommand implements Callable<Integer> {
    /** The shipped output, as its README.txt says it was captured. */
    private static final String RESOURCES = "demo/";

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "Port for the receiver; 0 (the default) picks a free one.")
    int port;

    @Option(names = "--once", description = "Exit after the deliveries arrived instead of serving the page until Ctrl-C.")
    boolean once;

    private final Clock clock;
    private final PrintStream out;

    DemoCommand() {
        this(Clock.systemUTC(), System.out);
    }

    DemoCommand(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + ": must be 0 to 65535");
        }
        List<BuiltImage> images = images();
        // a fresh secret each run: the demo shows signatures checked, and the secret is nobody's
        String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(24));
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults().withPort(port)
                .withVerifier(RequestVerifier.forSecret(secret, clock));
        Receiver receiver;
        try {
            receiver = new Receiver(settings, clock, out);
        } catch (java.net.BindException e) {
            throw new UsageException("--port " + port + ": cannot listen there (" + e.getMessage()
                    + "); choose another port, or leave --port out for any free one");
        }
        try {
            receiver.start();
            out.println("demo: receiver listening on " + receiver.url() + " (open it in a browser)");
            List<DeliveryResult> results = send(images, secret, receiver.url() + "hook");
            boolean allValid = report(receiver, results);
            if (once) {
                return allValid ? Cli.OK : Cli.FAILED;
            }
            out.println("demo: the page keeps serving at " + receiver.url() + "; Ctrl-C stops");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-shutdown"));
            stopped.await();
            return Cli.OK;
        } finally {
            receiver.close();
        }
    }

    /** The images the shipped output shows, printed as {@code images --pretty} prints them. */
    private List<BuiltImage> images() throws IOException {
        ImageCollector collector = new ImageCollector();
        try (InputStream build = resource("build.log"); InputStream iid = resource("iid.txt");
                InputStream push = resource("push.log")) {
            collector.log(build, "build.log").iidFile(iid, "iid.txt").log(push, "push.log");
        }
        CollectedImages found = collector.result();
        for (Note note : found.notes()) {
            out.println("note: " + note.message());
        }
        out.println("demo: a BuildKit build (docker build --iidfile iid.txt) and two docker pushes printed "
                + "build.log, iid.txt and push.log; they show:");
        byte[] json = ImagesCommand.toJson(found.images(), true);
        out.write(json, 0, json.length);
        out.println();
        return found.images();
    }

    private List<DeliveryResult> send(List<BuiltImage> images, String secret, String url) throws IOException {
        List<Payload> payloads = new PayloadFactory(clock).create(images, PayloadFacts.builder("demo").build());
        Endpoint endpoint = Endpoint.builder(url).signature(SignatureScheme.BOTH, Secret.of(secret), null).build();
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Payload p : payloads) {
            Delivery d = Delivery.create(endpoint, PayloadWriter.toBytes(p, PayloadProfile.DOCKER_HUB));
            deliveries.add(d);
            labels.put(d.id(), p.reference().toString());
        }
        out.println("demo: sending " + deliveries.size() + " Docker Hub payloads (one per tag), signed with "
                + "Standard Webhooks and X-Hub-Signature-256, to " + endpoint.maskedUrl() + "; the receiver prints "
                + "each as it arrives:");
        out.flush();
        List<DeliveryResult> results;
        try (Dispatcher dispatcher = Dispatcher.builder().clock(clock)
                .userAgent("docker-build-webhooks/" + VersionProvider.version()).build()) {
            results = dispatcher.deliverAll(deliveries);
        }
        out.println("demo: what was sent:");
        ResultReport.table(results, labels, out);
        return results;
    }

    /** Says what arrived; true when every delivery did, with every signature valid. */
    private boolean report(Receiver receiver, List<DeliveryResult> results) {
        List<ReceivedDelivery> arrived = receiver.log().changedAfter(0);
        long valid = arrived.stream().filter(d -> !d.checks().isEmpty() && d.checks().stream()
                .allMatch(c -> c.outcome() == SignatureCheck.Outcome.VALID)).count();
        boolean ok = results.stream().allMatch(DeliveryResult::success) && valid == results.size();
        out.println("demo: " + arrived.size() + " of " + results.size() + " deliveries arrived, " + valid
                + " with both signatures valid; each is on " + receiver.url());
        out.flush();
        return ok;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static InputStream resource(String name) {
        InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("the jar lacks its demo file " + RESOURCES + name));
        }
        return in;
    }
}
