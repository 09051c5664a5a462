package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.User;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.EndpointTester;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsLookup;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PushedTag;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Rendering;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The "Send test delivery" button: one attempt of a sample message ({@code example/webhook-test:test},
 * with a registry digest so that every format can describe it) in the endpoint's format, to the
 * endpoint as the form shows it. Nothing is saved and nothing recorded; the answer shows the
 * outcome, HTTP status, latency and the start of the response, escaped.
 */
public final class TestDelivery {
    static final String SAMPLE_REPOSITORY = "example/webhook-test";
    static final String SAMPLE_TAG = "test";
    /** The sample's registry digest: SHA-256 of nothing, plainly not a real image. */
    static final Digest SAMPLE_DIGEST = Digest.parse("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private final DockerBuildWebhooksConfiguration config;
    private final DeliveryTransport transport;

    public TestDelivery(DockerBuildWebhooksConfiguration config, DeliveryTransport transport) {
        this.config = config;
        this.transport = transport;
    }

    /** The button: the global configuration and network settings as they are when it is pressed. */
    @Extension
    public static final class Button implements EndpointTester {
        @Override
        public FormValidation test(WebhookEndpoint endpoint, @CheckForNull Item item) {
            return new TestDelivery(DockerBuildWebhooksConfiguration.get(), NetworkSettings.transport()).send(endpoint, item);
        }
    }

    /** Sends the sample, with credentials as builds of {@code item} (or the system, globally) see them. */
    public FormValidation send(WebhookEndpoint endpoint, @CheckForNull Item item) {
        ResolvedEndpoint resolved;
        try {
            resolved = new EndpointResolver(CredentialsLookup.forItem(item), config).resolve(endpoint);
        } catch (AbortException e) {
            return FormValidation.error(e.getMessage());
        }
        BuiltImage sample = new BuiltImage(RepositoryName.parse(SAMPLE_REPOSITORY), List.of(SAMPLE_TAG), null, SAMPLE_DIGEST);
        User user = User.current();
        String pusher = user != null ? user.getId() : config.getDefaultPusher();
        PayloadFacts facts = PayloadFacts.builder(pusher).userAgent(NetworkSettings.userAgent()).build();
        Rendering rendering = resolved.format(null).writer().render(PushedTag.of(List.of(sample), Clock.systemUTC()).get(0),
                facts, PlannedDelivery::newId);
        if (rendering.isRefused()) {
            return FormValidation.error(rendering.refusal());
        }
        PlannedDelivery planned = PlannedDelivery.of(rendering.messages().get(0), resolved);
        DeliveryRecord record;
        long waitSeconds = resolved.timeout().toSeconds() + resolved.connectTimeout().toSeconds() + 10;
        try {
            record = transport.sendAll(List.of(planned), 1).get(0).get(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.TestDelivery_interrupted());
        } catch (TimeoutException e) {
            return FormValidation.error(Messages.TestDelivery_timedOut(waitSeconds));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return FormValidation.error(Messages.TestDelivery_unfinished(String.valueOf(cause.getMessage())));
        }
        return describe(record);
    }

    /** {@code DELIVERED: HTTP 200 in 35 ms. Response: ok}. */
    static FormValidation describe(DeliveryRecord record) {
        StringBuilder text = new StringBuilder(record.getOutcome());
        if (record.getStatus() > 0) {
            text.append(": HTTP ").append(record.getStatus());
        }
        text.append(" in ").append(record.getLatencyMillis()).append(" ms");
        if (!record.isSuccess() && !record.getMessage().isEmpty()) {
            text.append(" (").append(record.getMessage()).append(')');
        }
        text.append('.');
        String excerpt = record.getResponseExcerpt().strip();
        if (!excerpt.isEmpty()) {
            text.append(" Response: ").append(excerpt.length() > 300 ? excerpt.substring(0, 300) + "…" : excerpt);
        }
        if (!record.isSuccess()) {
            return FormValidation.error(text.toString());
        }
        return "DELIVERED_REDIRECT".equals(record.getOutcome())
                ? FormValidation.warning(text + " " + Messages.TestDelivery_redirect())
                : FormValidation.ok(text.toString());
    }
}
