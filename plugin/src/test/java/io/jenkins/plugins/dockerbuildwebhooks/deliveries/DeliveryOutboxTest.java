package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.await;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.configure;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.endpoint;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.onlyRecord;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The controller-wide outbox against real receivers on 127.0.0.1, without restarts. */
@WithJenkins
class DeliveryOutboxTest {
    private static final String SEND_AND_GO_ON =
            "dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', waitSeconds: 0, failureMode: 'never'";

    @Test
    void shouldFinishRetriesInTheBackgroundAfterTheBuildAndSaveTheBuild(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().script(503).hold()) {
            configure(5, endpoint("hub", receiver.url("/hook"), false));

            WorkflowRun run = pipeline(j, "p", SEND_AND_GO_ON, Result.SUCCESS);

            // the build is over while the second attempt is still held by the receiver
            DeliveryRecord pending = onlyRecord(run);
            assertThat(pending.isPending()).isTrue();
            j.assertLogContains("still being delivered", run);
            File journal = new File(j.jenkins.getRootDir(), "docker-build-webhooks/outbox.jsonl");
            assertThat(Files.readString(journal.toPath(), StandardCharsets.UTF_8))
                    .as("journalled before the first attempt").contains(pending.getDeliveryId());

            receiver.release();
            await("the delivery is recorded as delivered", () -> onlyRecord(run).isSuccess());

            DeliveryRecord done = onlyRecord(run);
            assertThat(done.getOutcome()).isEqualTo("DELIVERED");
            assertThat(done.getAttempts()).extracting(AttemptRecord::getStatus).containsExactly(503, 200);
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id"))
                    .containsOnly(pending.getDeliveryId());
            await("the build is saved with the result", () -> buildXml(run).contains("DELIVERED"));
            assertThat(DeliveryOutbox.get().pendingCount()).isZero();
        }
    }

    @Test
    void shouldStopSendingToAnEndpointThatAnswered410(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().answer(410)) {
            configure(5, endpoint("hub", receiver.url("/gone"), false));

            WorkflowRun first = pipeline(j, "first", SEND_AND_GO_ON.replace("waitSeconds: 0", "waitSeconds: 300"),
                    Result.SUCCESS);
            WorkflowRun second = pipeline(j, "second", SEND_AND_GO_ON.replace("waitSeconds: 0", "waitSeconds: 300"),
                    Result.SUCCESS);

            assertThat(onlyRecord(first).getOutcome()).isEqualTo("GONE");
            assertThat(onlyRecord(first).getAttempts()).as("410 is not retried").hasSize(1);
            assertThat(onlyRecord(second).getOutcome()).isEqualTo("GONE");
            assertThat(onlyRecord(second).getMessage()).contains("answered 410 Gone earlier");
            assertThat(receiver.requests()).as("nothing sent after the 410").hasSize(1);
        }
    }

    @Test
    void shouldListDeliveriesAsPendingAsSoonAsTheyAreHandedOver(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().hold()) {
            configure(1, endpoint("hub", receiver.url("/hook"), false));
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition(SEND_AND_GO_ON.replace("waitSeconds: 0", "waitSeconds: 600"), true));

            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            await("the receiver holds the delivery", () -> receiver.requests().size() == 1);

            // the build still waits, yet the page already lists the delivery
            assertThat(run.isBuilding()).isTrue();
            assertThat(onlyRecord(run).isPending()).isTrue();
            receiver.release();
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            assertThat(run.getAction(DeliveriesAction.class).getRecords()).as("no duplicate record")
                    .singleElement().satisfies(r -> assertThat(r.getOutcome()).isEqualTo("DELIVERED"));
        }
    }

    private static String buildXml(WorkflowRun run) {
        try {
            return Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
