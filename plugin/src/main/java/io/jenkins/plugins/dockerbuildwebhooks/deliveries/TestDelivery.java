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
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Payload;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFactory;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The "Send test delivery" button: one attempt of a sample payload ({@code example/webhook-test:test})
 * to an endpoint as the form shows it. Nothing is saved and nothing recorded; the answer shows the
 * outcome, HTTP status, latency and the start of the response, escaped.
 */
public final class TestDelivery {
    static final String SAMPLE_REPOSITORY = "example/webhook-test";
    static final String SAMPLE_TAG = "test";

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
        PayloadProfile profile;
        try {
            resolved = new EndpointResolver(CredentialsLookup.forItem(item), config).resolve(endpoint);
            profile = PayloadProfile.fromId(endpoint.getPayloadProfile());
        } catch (AbortException | IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        BuiltImage sample = new BuiltImage(RepositoryName.parse(SAMPLE_REPOSITORY), List.of(SAMPLE_TAG), null, null);
        User user = User.current();
        String pusher = user != null ? user.getId() : config.getDefaultPusher();
        Payload payload = new PayloadFactory(Clock.systemUTC()).create(List.of(sample), PayloadFacts.builder(pusher).build()).get(0);
        PlannedDelivery planned = new PlannedDelivery(PlannedDelivery.newId(), resolved, payload.reference().familiar(),
                PayloadWriter.toBytes(payload, profile));
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
