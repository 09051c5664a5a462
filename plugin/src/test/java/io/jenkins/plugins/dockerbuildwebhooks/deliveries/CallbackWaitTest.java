package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.await;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.configure;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.endpoint;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.onlyRecord;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import jenkins.model.JenkinsLocationConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code dockerWebhook(waitForCallback: true)} with receivers that report back, or do not. */
@WithJenkins
class CallbackWaitTest {
    private static final String WAIT = """
            def r = dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', waitForCallback: true, callbackTimeout: %d, failureMode: '%s'
            echo "callback ${r[0].callbackState} [${r[0].callbackDescription}] [${r[0].callbackContext}] [${r[0].callbackTargetUrl}]"
            """;

    @Test
    void shouldReturnTheReportedStateOnceTheReceiverCalledBack(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().reportBack("""
                {"state":"success","description":"rolled out","context":"deployer","target_url":"https://cd.example.com/r/9"}""")) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));

            WorkflowRun run = pipeline(j, "p", WAIT.formatted(3600, "failure"), Result.SUCCESS);

            j.assertLogContains("callback success [rolled out] [deployer] [https://cd.example.com/r/9]", run);
            assertThat(onlyRecord(run).getCallback().state()).isEqualTo(CallbackState.SUCCESS);
            await("the receiver got our answer to its callback", () -> !receiver.callbackStatuses().isEmpty());
            assertThat(receiver.callbackStatuses()).containsExactly(200);
            assertThat(receiver.requests().get(0).callbackUrl())
                    .startsWith(j.getURL() + "docker-build-webhooks/callback/");
        }
    }

    @Test
    void shouldFailPerFailureModeWhenTheReceiverReportsFailure(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().reportBack("{\"state\":\"failure\",\"description\":\"smoke tests failed\"}")) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));

            WorkflowRun run = pipeline(j, "p", WAIT.formatted(3600, "failure"), Result.FAILURE);

            j.assertLogContains("receiver reported failure: smoke tests failed", run);
            j.assertLogNotContains("callback failure", run);
        }
    }

    @Test
    void shouldEndAtTheTimeoutAndMarkTheBuildUnstable(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start()) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));

            WorkflowRun run = pipeline(j, "p", WAIT.formatted(2, "unstable"), Result.UNSTABLE);

            j.assertLogContains("callback timeout [] [] []", run);
            j.assertLogContains("no callback in time", run);
            assertThat(onlyRecord(run).getCallback()).isNull();
        }
    }

    @Test
    void shouldNotWaitForEndpointsThatAskForNoCallback(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start()) {
            configure(1, endpoint("hub", receiver.url("/hook"), false));

            WorkflowRun run = pipeline(j, "p", WAIT.formatted(3600, "never"), Result.SUCCESS);

            j.assertLogContains("callback none", run);
            j.assertLogContains("its payload asked for no callback", run);
            assertThat(receiver.requests().get(0).callbackUrl()).isEmpty();
        }
    }

    @Test
    void shouldLeaveCallbackUrlEmptyWithoutAJenkinsUrl(JenkinsRule j) throws Exception {
        JenkinsLocationConfiguration.get().setUrl(null);
        try (HookReceiver receiver = HookReceiver.start()) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));

            WorkflowRun run = pipeline(j, "p", WAIT.formatted(3600, "unstable"), Result.UNSTABLE);

            assertThat(receiver.requests().get(0).callbackUrl()).isEmpty();
            assertThat(onlyRecord(run).isCallbackExpected()).isFalse();
            j.assertLogContains("callback none", run);
        }
    }

    @Test
    void shouldStopWaitingAsSoonAsADeliveryStillUnderWayFails(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().answer(500).hold()) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition("""
                    def r = dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', waitSeconds: 0,
                            waitForCallback: true, callbackTimeout: 3600, failureMode: 'unstable'
                    echo "callback ${r[0].callbackState} ${r[0].outcome}"
                    """, true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Waiting up to 3600 s for callbacks of 1 delivery", run);

            receiver.release();

            j.assertBuildStatus(Result.UNSTABLE, j.waitForCompletion(run));
            j.assertLogContains("not delivered (FAILED)", run);
            j.assertLogContains("callback none FAILED", run);
        }
    }
}
