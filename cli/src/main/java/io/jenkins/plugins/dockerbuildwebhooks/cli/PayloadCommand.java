package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--image", paramLabel = "REF", required = true,
            description = "Image reference [registry[:port]/]path[:tag]; repeatable. A tag-less reference means :latest.")
    List<String> images = new ArrayList<>();

    @Option(names = "--image-id", paramLabel = "ID",
            description = "Image ID (sha256:<64 hex>) of the images given with --image; listed in push_data.images.")
    String imageId;

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
        ImageId id = imageId == null ? null : ImageId.parse(imageId);
        if (id != null && !id.isComplete()) {
            throw new UsageException("--image-id " + imageId + " is a short ID: give all 64 hex digits "
                    + "(docker build --iidfile, or docker inspect --format '{{.Id}}')");
        }
        List<BuiltImage> built = group(images, id);
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

    /** Groups references by repository, as Docker Hub sends one payload per repository:tag. */
    static List<BuiltImage> group(List<String> references, ImageId id) {
        Map<RepositoryName, TreeSet<String>> tags = new LinkedHashMap<>();
        for (String text : references) {
            ImageReference ref = ImageReference.parse(text);
            tags.computeIfAbsent(ref.repository(), r -> new TreeSet<>()).add(ref.tag());
        }
        List<BuiltImage> built = new ArrayList<>();
        tags.forEach((repo, t) -> built.add(new BuiltImage(repo, t, id, null)));
        return built;
    }

    static String defaultPusher() {
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? "docker-build-webhooks" : user;
    }
}
