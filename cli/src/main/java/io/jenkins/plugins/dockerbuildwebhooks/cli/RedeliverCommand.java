package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.JournalEntry;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Outcome;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.SecretLookup;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redeliver}: finishes the unfinished deliveries of a journal, or repeats one. */
@Command(
        name = "redeliver",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Finish the unfinished deliveries of a journal, or repeat one of them with --id.",
            "Each is sent with the webhook-id and body it had: after a crash or a kill, or again on request.",
            "Secrets are read again from the environment variables named when the delivery was sent."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every delivery sent succeeded (or nothing was left to send)",
            "1:at least one delivery failed", "2:bad usage or input (the message says which)"})
final class RedeliverCommand implements Callable<Integer> {

    @Mixin
    DispatchOptions dispatch = new DispatchOptions();

    @Option(names = "--journal", paramLabel = "FILE", required = true, description = "The journal `send --journal` wrote.")
    Path journal;

    @Option(names = "--id", paramLabel = "ID", description = "Send only this delivery (even if it already finished).")
    String id;

    @Option(names = "--compact",
            description = "Afterwards, drop the delivered deliveries from the journal; failed, blocked, gone and "
                    + "unfinished ones stay.")
    boolean compact;

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;

    RedeliverCommand() {
        this(Terminal.system());
    }

    RedeliverCommand(Terminal terminal) {
        this.clock = terminal.clock();
        this.out = terminal.out();
        this.err = terminal.err();
        this.env = terminal.env();
    }

    @Override
    public Integer call() throws IOException {
        InputFiles.requireReadable("--journal", journal);
        try (DeliveryJournal j = DispatchOptions.openJournal(journal, err)) {
            List<JournalEntry> chosen;
            if (id != null) {
                chosen = List.of(j.entry(id).orElseThrow(() -> new UsageException(journal + " has no delivery " + id)));
            } else {
                chosen = j.unfinished();
            }
            List<DeliveryResult> results = List.of();
            Map<String, String> labels = new LinkedHashMap<>();
            if (!chosen.isEmpty()) {
                SecretLookup secrets = SecretLookup.environment(env);
                List<Delivery> deliveries = new ArrayList<>();
                List<Integer> attemptsSoFar = new ArrayList<>();
                for (JournalEntry e : chosen) {
                    Delivery d = e.toDelivery(secrets);
                    deliveries.add(d);
                    attemptsSoFar.add(e.attempts().size());
                    labels.put(d.id(), label(d.body()));
                }
                try (Dispatcher dispatcher = dispatch.dispatcher(env, err).clock(clock).journal(j)
                        .listener(new RetryProgress(err)).build();
                        StopOnSignal stop = StopOnSignal.install(() -> DispatchOptions.stopped("redeliver", dispatcher, j,
                                err))) {
                    try {
                        results = dispatcher.resumeAll(deliveries, attemptsSoFar).join();
                    } catch (RuntimeException e) {
                        stop.awaitExitIfStopping();
                        throw e;
                    }
                }
            }
            if (results.isEmpty()) {
                err.println("nothing to redeliver: every delivery in " + journal + " has finished");
            } else {
                ResultReport.table(results, labels, err);
            }
            if (dispatch.json) {
                ResultReport.json(results, labels, out);
            }
            if (compact) {
                Map<Outcome, Integer> before = byOutcome(j.entries());
                j.compact();
                err.println("compacted " + journal + ": " + CompactReport.describe(before, byOutcome(j.entries())));
            }
            return results.stream().allMatch(DeliveryResult::success) ? Cli.OK : Cli.FAILED;
        }
    }

    private static Map<Outcome, Integer> byOutcome(List<JournalEntry> entries) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        entries.forEach(e -> counts.merge(e.outcome(), 1, Integer::sum));
        return counts;
    }

    /** {@code repo:tag} from a Docker Hub payload body, or "-" for anything else. */
    static String label(byte[] body) {
        try {
            JsonObject o = JsonReader.parseObject(body, "body");
            return o.object("repository").string("repo_name") + ":" + o.object("push_data").string("tag");
        } catch (RuntimeException e) {
            return "-";
        }
    }
}
