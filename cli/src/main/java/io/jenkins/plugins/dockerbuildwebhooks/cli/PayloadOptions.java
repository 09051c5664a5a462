package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.payload.DockerfileText;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Payload;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFactory;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/** The payload options shared by {@code payload} and {@code send}: how the JSON is shaped and filled. */
final class PayloadOptions {

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

    @Option(names = "--include-digest",
            description = "Add push_data.digest, the registry digest of the pushed tag (an extension: "
                    + "Docker Hub never sent it; off by default).")
    boolean includeDigest;

    /** The selected profile; an unknown name is bad input (exit 2). */
    PayloadProfile profile() {
        return PayloadProfile.fromId(profile);
    }

    /** One payload per repository:tag of {@code images}. */
    List<Payload> payloads(List<BuiltImage> images, Clock clock) throws IOException {
        PayloadFacts.Builder facts = PayloadFacts.builder(pusher == null ? defaultPusher() : pusher)
                .callbackUrl(callbackUrl)
                .includeDigest(includeDigest);
        if (dockerfile != null) {
            InputFiles.requireReadable("--dockerfile", dockerfile);
            facts.dockerfile(DockerfileText.read(dockerfile));
        }
        return new PayloadFactory(clock).create(images, facts.build());
    }

    static String defaultPusher() {
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? "docker-build-webhooks" : user;
    }
}
