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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** What survives a controller restart: unfinished deliveries and a step waiting for callbacks. */
class DeliveryOutboxRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static WorkflowRun build(JenkinsRule j) {
        return j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
    }

    @Test
    void shouldResumeAnUnfinishedDeliveryWithTheSameIdAfterARestart() throws Throwable {
        try (HookReceiver receiver = HookReceiver.start().hold()) {
            AtomicReference<String> deliveryId = new AtomicReference<>();
            sessions.then(j -> {
                configure(5, endpoint("hub", receiver.url("/hook"), false));
                WorkflowRun run = pipeline(j, "p",
                        "dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', waitSeconds: 0, failureMode: 'never'",
                        Result.SUCCESS);
                deliveryId.set(onlyRecord(run).getDeliveryId());
                await("the receiver holds the first attempt", () -> receiver.requests().size() == 1);
                assertThat(onlyRecord(run).isPending()).isTrue();
            });
            sessions.then(j -> {
                await("the delivery is sent again after the restart", () -> receiver.requests().size() >= 2);
                receiver.release();
                WorkflowRun run = build(j);
                await("the resumed delivery is recorded", () -> onlyRecord(run).isSuccess());

                assertThat(onlyRecord(run).getDeliveryId()).isEqualTo(deliveryId.get());
                assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsOnly(deliveryId.get());
                assertThat(receiver.requests().get(1).body()).as("the same bytes")
                        .isEqualTo(receiver.requests().get(0).body());
            });
            sessions.then(j -> assertThat(onlyRecord(build(j)).getOutcome())
                    .as("the result was saved with the build").isEqualTo("DELIVERED"));
        }
    }

    /**
     * A CloudEvent's headers are part of the message: the journal keeps them, and the resumed
     * delivery carries the same {@code ce-*} headers, id and bytes as the first attempt.
     */
    @Test
    void shouldResumeACdEventWithItsHeadersAfterARestart() throws Throwable {
        try (HookReceiver receiver = HookReceiver.start().hold()) {
            AtomicReference<String> deliveryId = new AtomicReference<>();
            sessions.then(j -> {
                WebhookEndpoint flux = endpoint("flux", receiver.url("/cdevents"), false);
                flux.setPayloadProfile("cdevents");
                configure(5, flux);
                WorkflowRun run = pipeline(j, "p", "dockerWebhook images: 'localhost:5000/acme/app:1.0@sha256:"
                        + "456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc', waitSeconds: 0, "
                        + "failureMode: 'never'", Result.SUCCESS);
                deliveryId.set(onlyRecord(run).getDeliveryId());
                await("the receiver holds the first attempt", () -> receiver.requests().size() == 1);
            });
            sessions.then(j -> {
                await("the delivery is sent again after the restart", () -> receiver.requests().size() >= 2);
                receiver.release();
                await("the resumed delivery is recorded", () -> onlyRecord(build(j)).isSuccess());

                HookReceiver.Request first = receiver.requests().get(0);
                HookReceiver.Request resumed = receiver.requests().get(1);
                for (String header : List.of("ce-id", "ce-specversion", "ce-type", "ce-source", "ce-subject", "ce-time",
                        "content-type")) {
                    assertThat(resumed.header(header)).as(header).isNotNull().isEqualTo(first.header(header));
                }
                assertThat(resumed.header("ce-id")).isEqualTo(deliveryId.get()).isEqualTo(resumed.header("webhook-id"));
                assertThat(resumed.body()).as("the same bytes").isEqualTo(first.body());
            });
        }
    }

    /**
     * A global endpoint whose URL is a SYSTEM-scoped credential (visible to Jenkins, not to builds):
     * the journal keeps only the reference, and the resume looks it up globally, as the first send did.
     */
    @Test
    void shouldKeepAUrlCredentialOutOfTheJournalAndResumeItGlobally() throws Throwable {
        try (HookReceiver receiver = HookReceiver.start().hold()) {
            sessions.then(j -> {
                Fixtures.addSystemSecretText("hook-url", receiver.url("/hook/T0KEN-in-path?token=T0KEN-in-query"));
                WebhookEndpoint hub = new WebhookEndpoint("hub");
                hub.setUrlCredentialsId("hook-url");
                configure(5, hub);
                pipeline(j, "p", "dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', waitSeconds: 0, failureMode: 'never'",
                        Result.SUCCESS);
                await("the receiver holds the first attempt", () -> receiver.requests().size() == 1);

                String journal = Files.readString(j.jenkins.getRootDir().toPath()
                        .resolve("docker-build-webhooks").resolve("outbox.jsonl"), StandardCharsets.UTF_8);
                assertThat(journal).contains("\"urlRef\":\"global-credentials:hook-url\"")
                        .doesNotContain("T0KEN").doesNotContain("/hook/");
            });
            sessions.then(j -> {
                await("the delivery is sent again after the restart", () -> receiver.requests().size() >= 2);
                receiver.release();
                await("the resumed delivery is recorded", () -> onlyRecord(build(j)).isSuccess());
                assertThat(receiver.requests().get(1).path()).isEqualTo("/hook/T0KEN-in-path?token=T0KEN-in-query");
            });
        }
    }

    /** An inline endpoint's credentials are recorded as the build's, and resumed as the build. */
    @Test
    void shouldResumeAnInlineEndpointsCredentialsAsTheBuild() throws Throwable {
        try (HookReceiver receiver = HookReceiver.start().hold()) {
            sessions.then(j -> {
                Fixtures.addSecretText("inline-bearer", "inline-token-value");
                configure(5);
                pipeline(j, "p", """
                        dockerWebhook images: 'acme/app:1.0', waitSeconds: 0, failureMode: 'never', \
                            inlineEndpoints: [endpoint(id: 'mine', url: '%s', authCredentialsId: 'inline-bearer', signatureScheme: 'none')]
                        """.formatted(receiver.url("/inline")), Result.SUCCESS);
                await("the receiver holds the first attempt", () -> receiver.requests().size() == 1);

                String journal = Files.readString(j.jenkins.getRootDir().toPath()
                        .resolve("docker-build-webhooks").resolve("outbox.jsonl"), StandardCharsets.UTF_8);
                assertThat(journal).contains("\"bearerRef\":\"build-credentials:inline-bearer\"")
                        .doesNotContain("global-credentials:").doesNotContain("inline-token-value");
            });
            sessions.then(j -> {
                await("the delivery is sent again after the restart", () -> receiver.requests().size() >= 2);
                receiver.release();
                await("the resumed delivery is recorded", () -> onlyRecord(build(j)).isSuccess());
                assertThat(receiver.requests().get(1).header("Authorization")).isEqualTo("Bearer inline-token-value");
            });
        }
    }

    @Test
    void shouldKeepWaitingForACallbackAcrossARestart() throws Throwable {
        try (HookReceiver receiver = HookReceiver.start()) {
            sessions.then(j -> {
                configure(1, endpoint("hub", receiver.url("/hook"), true));
                WorkflowJob job = j.createProject(WorkflowJob.class, "p");
                job.setDefinition(new CpsFlowDefinition("""
                        def r = dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', waitForCallback: true, callbackTimeout: 3600
                        echo "callback ${r[0].callbackState}: ${r[0].callbackDescription}"
                        """, true));
                WorkflowRun run = job.scheduleBuild2(0).waitForStart();
                j.waitForMessage("Waiting up to 3600 s for callbacks of 1 delivery", run);
                assertThat(run.isBuilding()).isTrue();
            });
            sessions.then(j -> {
                WorkflowRun run = build(j);
                assertThat(run.isBuilding()).isTrue();
                String callbackUrl = receiver.requests().get(0).callbackUrl();

                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(callbackUrl))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"success\",\"description\":\"deployed\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).isEqualTo(200);
                j.assertBuildStatusSuccess(j.waitForCompletion(run));
                j.assertLogContains("callback success: deployed", run);
            });
        }
    }

    /**
     * The outbox saves results in batches: what the step reported when it returned must be what
     * the build holds after a restart, for every delivery of a fan-out.
     */
    @Test
    void shouldKeepEveryResultOfAFanOutAfterARestart() throws Throwable {
        int count = 20;
        try (HookReceiver receiver = HookReceiver.start()) {
            sessions.then(j -> {
                WebhookEndpoint[] endpoints = new WebhookEndpoint[count];
                for (int i = 0; i < count; i++) {
                    endpoints[i] = endpoint("e" + i, receiver.url("/e" + i), false);
                }
                configure(1, endpoints);
                WorkflowRun run = pipeline(j, "p", "dockerWebhook images: 'acme/app:1.0', waitSeconds: 300, failureMode: 'failure'",
                        Result.SUCCESS);
                assertThat(run.getAction(DeliveriesAction.class).getDeliveredCount()).isEqualTo(count);
            });
            sessions.then(j -> {
                List<DeliveryRecord> records = build(j).getAction(DeliveriesAction.class).getRecords();
                assertThat(records).hasSize(count).allSatisfy(r -> {
                    assertThat(r.getOutcome()).isEqualTo("DELIVERED");
                    assertThat(r.getAttempts()).extracting(AttemptRecord::getStatus).containsExactly(200);
                });
                assertThat(records).extracting(DeliveryRecord::getEndpointId).doesNotHaveDuplicates();
                assertThat(receiver.requests()).as("nothing resumed: every outcome was journalled").hasSize(count);
            });
        }
    }
}
