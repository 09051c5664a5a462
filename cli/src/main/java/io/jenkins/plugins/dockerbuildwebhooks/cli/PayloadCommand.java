package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.payload.DockerfileText;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Payload;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFactory;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "docker-hub",
            description = "docker-hub (default: integers, what Docker Hub sends today) or docker-hub-legacy "
                    + "(the old documentation's string comment_count and float timestamps).")
    String profile;

    @Option(names = "--pusher", paramLabel = "NAME",
            description = "push_data.pusher (default: $USER, else docker-build-webhooks).")
    String pusher;

    @Option(names = "--callback-url", paramLabel = "URL", description = "callback_url (default: empty).")
    String callbackUrl;

    @Option(names = "--dockerfile", paramLabel = "FILE",
            description = "Dockerfile whose text goes into repository.dockerfile (first 64 KiB).")
    Path dockerfile;

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
        PayloadProfile payloadProfile = PayloadProfile.fromId(profile);
        List<BuiltImage> built = sources.collect();
        PayloadFacts.Builder facts = PayloadFacts.builder(pusher == null ? defaultPusher() : pusher)
                .callbackUrl(callbackUrl);
        if (dockerfile != null) {
            facts.dockerfile(DockerfileText.read(dockerfile));
        }
        List<Payload> payloads = new PayloadFactory(clock).create(built, facts.build());
        out.write(PayloadWriter.toArray(payloads, payloadProfile, pretty));
        out.println();
        out.flush();
        return Cli.OK;
    }

    static String defaultPusher() {
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? "docker-build-webhooks" : user;
    }
}
