package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.HeaderLine;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.SignatureScheme;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.WebhookUrls;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatWriter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Message;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PushedTag;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Rendering;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code send}: builds the payloads for the given images and delivers each to every URL. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Build the webhook payloads for the given images in the chosen --profile and POST each one to every --url.",
            "Deliveries run concurrently, signed, retried on transient failures and, with --journal, recorded for "
                    + "redeliver."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every delivery succeeded (2xx, or 3xx not followed)",
            "1:at least one delivery failed, was blocked or the endpoint is gone, or a tag could not be described in "
                    + "the profile (skipped: the table says why)",
            "2:bad usage or input (the message says which)"})
final class SendCommand implements Callable<Integer> {

    @Mixin
    ImageSources sources = new ImageSources();

    @Mixin
    DispatchOptions dispatch = new DispatchOptions();

    @Option(names = "--url", paramLabel = "URL", required = true,
            description = "Receiver URL (http or https); repeatable. Only scheme://host[:port]/… of it is ever printed.")
    List<String> urls = new ArrayList<>();

    @Mixin
    PayloadOptions payload = new PayloadOptions();

    @Option(names = "--secret-env", paramLabel = "VAR",
            description = "Environment variable holding the signing secret (whsec_… for Standard Webhooks, any text for GitHub style).")
    String secretEnv;

    @Option(names = "--signature", paramLabel = "SCHEME",
            description = "none, standard-webhooks, hub-signature-256 or both (default: both with --secret-env, else none).")
    String signature;

    @Option(names = "--hub-signature-header", paramLabel = "NAME",
            description = "Header of the sha256=<hex> signature (default X-Hub-Signature-256; Flux's generic-hmac "
                    + "receiver reads X-Signature).")
    String hubSignatureHeader;

    @Option(names = "--header", paramLabel = "'Name: value'",
            description = "Extra request header; repeatable. Not for secrets (Authorization is refused): "
                    + "use --bearer-env or --basic-auth-env.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--bearer-env", paramLabel = "VAR", description = "Environment variable holding a bearer token (Authorization: Bearer …).")
    String bearerEnv;

    @Option(names = "--basic-auth-env", paramLabel = "VAR",
            description = "Environment variable holding user:password for HTTP basic auth (Authorization: Basic …).")
    String basicAuthEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s",
            description = "Deadline of each attempt, e.g. 10s or 500ms (default 15s).")
    String timeout;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Connect timeout of each attempt (default 5s).")
    String connectTimeout;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Record every delivery, attempt and outcome in FILE (created 0600) so `redeliver` can finish them.")
    Path journal;

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;

    SendCommand() {
        this(Terminal.system());
    }

    SendCommand(Terminal terminal) {
        this.clock = terminal.clock();
        this.out = terminal.out();
        this.err = terminal.err();
        this.env = terminal.env();
    }

    @Override
    public Integer call() throws IOException {
        if (journal != null) {
            InputFiles.requireWritableIfPresent("--journal", journal);
        }
        FormatWriter writer = payload.format().writer();
        PayloadFacts facts = payload.facts();
        List<Endpoint> endpoints = endpoints();
        sources.err = err;
        List<BuiltImage> built = sources.collect();
        List<Delivery> deliveries = new ArrayList<>();
        List<ResultReport.Skipped> skipped = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (PushedTag tag : PushedTag.of(built, clock)) {
            for (Endpoint e : endpoints) {
                // each endpoint gets its own delivery ids, and formats that carry an event id write them into the body
                Rendering r = writer.render(tag, facts, () -> Delivery.newId(random));
                r.optRefusal().ifPresent(why -> skipped.add(new ResultReport.Skipped(e.id(), tag.reference().toString(),
                        why)));
                for (Message m : r.messages()) {
                    Delivery d = new Delivery(m.deliveryId(), e, m.body(), m.headers());
                    deliveries.add(d);
                    labels.put(d.id(), m.label());
                }
            }
        }
        Dispatcher.Builder builder = dispatch.dispatcher(env, err).clock(clock);
        DeliveryJournal j = journal == null ? null : DispatchOptions.openJournal(journal, err);
        if (j != null && !j.unfinished().isEmpty()) {
            err.println("note: " + journal + " holds " + j.unfinished().size() + " unfinished deliveries from an earlier "
                    + "run; `redeliver --journal " + journal + "` sends them");
        }
        try (Dispatcher dispatcher = builder.journal(j).listener(new RetryProgress(err)).build();
                StopOnSignal stop = StopOnSignal.install(() -> DispatchOptions.stopped("send", dispatcher, j, err))) {
            List<DeliveryResult> results;
            try {
                results = dispatcher.deliverAll(deliveries);
            } catch (RuntimeException e) {
                // the deliveries were cut off by the signal's hook, which reports; the JVM exits next
                stop.awaitExitIfStopping();
                throw e;
            }
            return report(results, skipped, labels);
        } finally {
            if (j != null) {
                j.close();
            }
        }
    }

    private int report(List<DeliveryResult> results, List<ResultReport.Skipped> skipped, Map<String, String> labels) {
        ResultReport.table(results, skipped, labels, err);
        if (dispatch.json) {
            ResultReport.json(results, skipped, labels, out);
        }
        return skipped.isEmpty() && results.stream().allMatch(DeliveryResult::success) ? Cli.OK : Cli.FAILED;
    }

    private List<Endpoint> endpoints() {
        Secret secret = secretEnv == null ? null : Secret.of(Env.require(env, secretEnv));
        SignatureScheme scheme = signature != null ? SignatureScheme.fromId(signature)
                : secret != null ? SignatureScheme.BOTH : SignatureScheme.NONE;
        if (scheme != SignatureScheme.NONE && secret == null) {
            throw new UsageException("--signature " + scheme.id() + " needs --secret-env VAR");
        }
        if (hubSignatureHeader != null && !scheme.hubSignature()) {
            throw new UsageException("--hub-signature-header " + hubSignatureHeader + " names the header of the sha256= "
                    + "signature, but --signature " + scheme.id() + " sends none (use hub-signature-256 or both)");
        }
        Secret bearer = bearerEnv == null ? null : Secret.of(Env.require(env, bearerEnv));
        if (bearer != null && basicAuthEnv != null) {
            throw new UsageException("--bearer-env and --basic-auth-env both set Authorization: choose one");
        }
        String basicUser = null;
        Secret basicPassword = null;
        if (basicAuthEnv != null) {
            String credentials = Env.require(env, basicAuthEnv);
            int colon = credentials.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("the value of " + basicAuthEnv + " must be user:password");
            }
            basicUser = credentials.substring(0, colon);
            basicPassword = Secret.of(credentials.substring(colon + 1));
        }
        Duration attemptTimeout = Durations.parse("--timeout", timeout);
        Duration connect = Durations.parse("--connect-timeout", connectTimeout);
        List<HeaderLine> extraHeaders = new ArrayList<>();
        for (String h : headers) {
            extraHeaders.add(HeaderOption.parse(h));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String url : distinctUrls()) {
            Endpoint.Builder b;
            try {
                b = Endpoint.builder(url).timeout(attemptTimeout).connectTimeout(connect);
            } catch (IllegalArgumentException e) {
                // core says "URL <masked> <problem>"; name the option instead
                String m = e.getMessage();
                throw new UsageException(m.startsWith("URL ") ? "--url " + m.substring(4) : "--url: " + m);
            }
            // ids show only the masked URL; URLs that differ only in path or query get a counter
            String masked = b.build().maskedUrl();
            int n = seen.merge(masked, 1, Integer::sum);
            b.id(n == 1 ? masked : masked + " (" + n + ")");
            if (scheme != SignatureScheme.NONE) {
                b.signature(scheme, secret, "env:" + secretEnv);
            }
            if (hubSignatureHeader != null) {
                try {
                    b.hubSignatureHeader(hubSignatureHeader);
                } catch (IllegalArgumentException ex) {
                    throw new UsageException("--hub-signature-header " + hubSignatureHeader + ": " + ex.getMessage());
                }
            }
            if (bearer != null) {
                b.bearer(bearer, "env:" + bearerEnv);
            }
            if (basicPassword != null) {
                b.basic(basicUser, basicPassword, "env:" + basicAuthEnv);
            }
            for (HeaderLine h : extraHeaders) {
                b.header(h.name(), h.value());
            }
            endpoints.add(b.build());
        }
        return endpoints;
    }

    /** Each URL once: the same URL given twice would deliver every payload to it twice. */
    private List<String> distinctUrls() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String url : urls) {
            counts.merge(url.strip(), 1, Integer::sum);
        }
        counts.forEach((url, n) -> {
            if (n > 1) {
                err.println("warning: --url " + WebhookUrls.mask(url) + " is given " + n + " times: sent to once");
            }
        });
        return List.copyOf(counts.keySet());
    }
}
