package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.await;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.configure;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.endpoint;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.onlyRecord;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Receiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The formats beyond Docker Hub as a build sends them: CDEvents in both CloudEvents modes (headers
 * and ids as receivers see them, the same event id on redelivery), registry notifications with the
 * platforms of a manifest file, a signature header of the receiver's choosing, and a tag that a
 * format cannot describe (no registry digest), recorded instead of sent.
 */
@WithJenkins
class EventFormatsTest {
    private static final String DIGEST = "sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc";
    private static final String PUSHED = "localhost:5000/acme/app:1.0@" + DIGEST;

    private static WebhookEndpoint cdevents(String id, String url, String spec, String mode) {
        WebhookEndpoint e = endpoint(id, url, false);
        e.setPayloadProfile("cdevents");
        e.setCdeventsSpec(spec);
        e.setCloudEventsMode(mode);
        return e;
    }

    private static List<DeliveryRecord> records(WorkflowRun run) {
        return run.getAction(DeliveriesAction.class).getRecords();
    }

    @Test
    void shouldSendACdEventInBinaryModeWhoseIdIsTheWebhookId(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start()) {
            configure(1, cdevents("flux", receiver.url("/cdevents"), "", ""));

            WorkflowRun run = pipeline(j, "p", "dockerWebhook images: '" + PUSHED + "', pusher: 'alice'", Result.SUCCESS);

            String id = onlyRecord(run).getDeliveryId();
            HookReceiver.Request request = receiver.requests().get(0);
            assertThat(request.header("webhook-id")).isEqualTo(id);
            assertThat(request.header("ce-id")).as("the CloudEvent's id is the delivery's").isEqualTo(id);
            assertThat(request.header("ce-specversion")).isEqualTo("1.0");
            assertThat(request.header("ce-type")).isEqualTo("dev.cdevents.artifact.published.0.2.0");
            assertThat(request.header("ce-source")).as("the build's URL").isEqualTo(j.getURL() + "job/p/1/");
            assertThat(request.header("ce-subject"))
                    .isEqualTo("pkg:oci/app@" + DIGEST + "?repository_url=localhost:5000%2Facme%2Fapp&tag=1.0");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.text()).contains("\"version\":\"0.4.1\"", "\"id\":\"" + id + "\"", "\"user\":\"alice\"")
                    .doesNotContain("push_data");
            assertThat(onlyRecord(run).getReference()).isEqualTo("localhost:5000/acme/app:1.0");
        }
    }

    @Test
    void shouldSendAStructuredCdEventOfSpec051(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start()) {
            configure(1, cdevents("keptn", receiver.url("/events"), "0.5.1", "structured"));

            WorkflowRun run = pipeline(j, "p", "dockerWebhook images: '" + PUSHED + "'", Result.SUCCESS);

            String id = onlyRecord(run).getDeliveryId();
            HookReceiver.Request request = receiver.requests().get(0);
            assertThat(request.header("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(request.header("ce-id")).as("structured mode: attributes in the body").isNull();
            assertThat(request.header("webhook-id")).isEqualTo(id);
            assertThat(request.text()).startsWith("{").contains("\"specversion\":\"1.0\"", "\"id\":\"" + id + "\"",
                    "\"type\":\"dev.cdevents.artifact.published.0.3.0\"", "\"datacontenttype\":\"application/json\"",
                    "\"specversion\":\"0.5.1\"");
        }
    }

    @Test
    void shouldRedeliverACdEventUnderItsOwnIdWithTheSameBytes(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().script(500)) {
            configure(1, cdevents("flux", receiver.url("/cdevents"), "", ""));
            WorkflowRun run = pipeline(j, "p", "dockerWebhook images: '" + PUSHED + "', failureMode: 'never'",
                    Result.SUCCESS);
            DeliveryRecord failed = onlyRecord(run);
            assertThat(failed.getOutcome()).isEqualTo("FAILED");

            DeliveryOutbox.get().redeliver(run, failed.getDeliveryId());

            await("the redelivery is delivered", () -> onlyRecord(run).isSuccess());
            assertThat(records(run)).as("the same delivery, sent again").hasSize(1);
            assertThat(onlyRecord(run).getDeliveryId()).isEqualTo(failed.getDeliveryId());
            assertThat(receiver.requests()).hasSize(2).allSatisfy(r -> {
                assertThat(r.header("webhook-id")).isEqualTo(failed.getDeliveryId());
                assertThat(r.header("ce-id")).isEqualTo(failed.getDeliveryId());
            });
            assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
            assertThat(onlyRecord(run).getAttempts()).extracting(AttemptRecord::getNumber).containsExactly(2);
        }
    }

    @Test
    void shouldSignUnderTheHeaderTheReceiverReads(JenkinsRule j) throws Exception {
        Fixtures.addSecretText("flux-hmac", "flux-shared-secret");
        try (HookReceiver receiver = HookReceiver.start()) {
            WebhookEndpoint flux = endpoint("flux", receiver.url("/hook/generic-hmac"), false);
            flux.setSecretCredentialsId("flux-hmac");
            flux.setSignatureScheme("hub-signature-256");
            flux.setHubSignatureHeader("X-Signature");
            configure(1, flux);

            pipeline(j, "p", "dockerWebhook images: 'localhost:5000/acme/app:1.0'", Result.SUCCESS);

            HookReceiver.Request request = receiver.requests().get(0);
            assertThat(request.header("X-Signature")).isEqualTo(Receiver.hubSignature("flux-shared-secret", request.body()));
            assertThat(request.header("X-Hub-Signature-256")).isNull();
        }
    }

    @Test
    void shouldRecordATagWithoutRegistryDigestInsteadOfSendingIt(JenkinsRule j) throws Exception {
        try (HookReceiver hub = HookReceiver.start(); HookReceiver registry = HookReceiver.start()) {
            WebhookEndpoint events = endpoint("events", registry.url("/notify"), false);
            events.setPayloadProfile("registry-notification");
            configure(1, endpoint("hub", hub.url("/hook"), false), events);

            WorkflowRun run = pipeline(j, "p", """
                    def r = dockerWebhook images: 'localhost:5000/acme/app:1.0'
                    echo "outcomes ${r.collect { it.endpoint + '=' + it.outcome }}"
                    """, Result.UNSTABLE);

            assertThat(hub.requests()).hasSize(1);
            assertThat(registry.requests()).as("an event must name the digest").isEmpty();
            DeliveryRecord skipped = records(run).stream().filter(DeliveryRecord::isSkipped).findFirst().orElseThrow();
            assertThat(skipped.getEndpointId()).isEqualTo("events");
            assertThat(skipped.getMessage()).contains("no registry digest is known for localhost:5000/acme/app:1.0");
            j.assertLogContains("outcomes [hub=DELIVERED, events=SKIPPED]", run);
            j.assertLogContains("localhost:5000/acme/app:1.0 → events (http://127.0.0.1:", run);
            j.assertLogContains("SKIPPED: not sent, no registry digest is known", run);
            HtmlPage page = j.createWebClient().goTo(run.getUrl() + "docker-webhooks/");
            assertThat(page.asNormalizedText()).contains("SKIPPED", "no registry digest is known",
                    "1 delivered, 0 failed, 0 still being delivered.\n1 not sent: the format cannot describe them");
            assertThat(j.createWebClient().goTo(run.getUrl()).asNormalizedText())
                    .contains("Docker webhooks: 1 delivered, 0 failed, 1 not sent");
            assertThat(page.getElementById("docker-webhooks-redeliver-failed")).as("nothing was sent to redeliver").isNull();
        }
    }

    @Test
    void shouldReportEveryPlatformOfTheManifestFileInARegistryNotification(JenkinsRule j) throws Exception {
        String index = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[\
                {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":481,\
                "platform":{"architecture":"amd64","os":"linux"}},\
                {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":482,\
                "platform":{"architecture":"arm","os":"linux","variant":"v7"}}]}""".formatted("a1".repeat(32), "b2".repeat(32));
        String indexDigest = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(index.getBytes(StandardCharsets.UTF_8)));
        try (HookReceiver receiver = HookReceiver.start()) {
            WebhookEndpoint events = endpoint("events", receiver.url("/notify"), false);
            events.setPayloadProfile("registry-notification");
            configure(1, events);

            WorkflowRun run = pipeline(j, "p", """
                    node {
                      writeFile file: 'build/index.json', text: '%s'
                      dockerWebhook images: 'localhost:5000/acme/app:1.0@%s', manifestFile: 'build/index.json'
                    }
                    """.formatted(index, indexDigest), Result.SUCCESS);

            String id = onlyRecord(run).getDeliveryId();
            HookReceiver.Request request = receiver.requests().get(0);
            assertThat(request.header("Content-Type")).startsWith("application/vnd.docker.distribution.events.v2+json");
            assertThat(request.text()).contains("\"id\":\"" + id + "-1\"", "\"id\":\"" + id + "-2\"", "\"id\":\"" + id + "\"",
                    "sha256:" + "a1".repeat(32), "sha256:" + "b2".repeat(32),
                    "\"mediaType\":\"application/vnd.oci.image.index.v1+json\"", "\"tag\":\"1.0\"",
                    "\"url\":\"http://localhost:5000/v2/acme/app/manifests/" + indexDigest + "\"");
        }
    }

    @Test
    void shouldFailNamingAMissingManifestFile(JenkinsRule j) throws Exception {
        configure(1, endpoint("hub", "http://127.0.0.1:9/", false));

        WorkflowRun run = pipeline(j, "p", "node { dockerWebhook images: 'acme/app:1.0', manifestFile: 'build/none.json' }",
                Result.FAILURE);

        j.assertLogContains("manifestFile build/none.json does not exist in the workspace", run);
    }
}
