package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Payload;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code payload}: prints the webhook payloads for the given images without sending anything. */
@Command(
        name = "payload",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print the Docker Hub webhook payloads (a JSON array, one per repository:tag) for the given images.",
            "Nothing is sent."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:payloads printed", "2:bad usage or input (the message says which)"})
final class PayloadCommand implements Callable<Integer> {

    @Mixin
    ImageSources sources = new ImageSources();

    @Mixin
    PayloadOptions payload = new PayloadOptions();

    @Option(names = "--pretty", description = "Indent the JSON for reading.")
    boolean pretty;

    private final Clock clock;
    private final PrintStream out;

    PayloadCommand() {
        this(Clock.systemUTC(), System.out);
    }

    PayloadCommand(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        PayloadProfile payloadProfile = payload.profile();
        List<BuiltImage> built = sources.collect();
        List<Payload> payloads = payload.payloads(built, clock);
        out.write(PayloadWriter.toArray(payloads, payloadProfile, pretty));
        out.println();
        out.flush();
        return Cli.OK;
    }
}
