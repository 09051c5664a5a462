package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.payload.DockerfileText;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatOptions;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The payload options shared by {@code payload} and {@code send}: which format, and what fills it. */
final class PayloadOptions {

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "docker-hub",
            description = "docker-hub (default: integers, what Docker Hub sends today), docker-hub-legacy "
                    + "(the old documentation's string comment_count and float timestamps), registry-notification "
                    + "(the Docker registry's event envelope) or cdevents (CDEvents artifact.published as a CloudEvent).")
    String profile;

    @Option(names = "--cdevents-spec", paramLabel = "VERSION", defaultValue = "0.4.1",
            description = "CDEvents spec of --profile cdevents: 0.4.1 (default, artifact.published.0.2.0) or 0.5.1 "
                    + "(artifact.published.0.3.0).")
    String cdEventsSpec;

    @Option(names = "--cloudevents-mode", paramLabel = "MODE", defaultValue = "binary",
            description = "CloudEvents HTTP mode of --profile cdevents: binary (default: ce-* headers, the CDEvent as "
                    + "body) or structured (application/cloudevents+json, the CDEvent as data).")
    String cloudEventsMode;

    @Option(names = "--event-source", paramLabel = "URI",
            description = "Where events come from: CloudEvents source and CDEvents context.source, its host the "
                    + "registry notification's source.addr (default: " + PayloadFacts.DEFAULT_EVENT_SOURCE + ").")
    String eventSource;

    @Option(names = "--pusher", paramLabel = "NAME",
            description = "Who pushed: push_data.pusher, actor.name, subject.content.user (default: $USER, else "
                    + "docker-build-webhooks).")
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

    /** The selected format; an unknown name is bad input (exit 2). */
    FormatOptions format() {
        return FormatOptions.parse(profile, cdEventsSpec, cloudEventsMode);
    }

    /** What fills the payloads; a bad event source is bad input (exit 2). */
    PayloadFacts facts() throws IOException {
        PayloadFacts.Builder facts = PayloadFacts.builder(pusher == null ? defaultPusher() : pusher)
                .callbackUrl(callbackUrl)
                .includeDigest(includeDigest)
                .eventSource(eventSource)
                .userAgent("docker-build-webhooks/" + VersionProvider.version());
        if (dockerfile != null) {
            InputFiles.requireReadable("--dockerfile", dockerfile);
            facts.dockerfile(DockerfileText.read(dockerfile));
        }
        return facts.build();
    }

    static String defaultPusher() {
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? "docker-build-webhooks" : user;
    }
}
