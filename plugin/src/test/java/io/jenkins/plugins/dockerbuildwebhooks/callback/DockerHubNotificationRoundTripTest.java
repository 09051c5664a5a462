package io.jenkins.plugins.dockerbuildwebhooks.callback;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveriesAction;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import java.util.List;
import org.jenkinsci.plugins.registry.notification.DockerHubTrigger;
import org.jenkinsci.plugins.registry.notification.opt.impl.TriggerOnSpecifiedImageNames;
import org.jenkinsci.plugins.registry.notification.token.ApiTokens;
import org.jenkinsci.plugins.registry.notification.webhook.dockerhub.DockerHubWebHookCause;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The whole loop with a real Docker Hub receiver, the dockerhub-notification plugin, in the same
 * Jenkins: our delivery triggers its job (matched on {@code repository.repo_name}, answered with
 * 302), and when that job has finished, the plugin POSTs its callback report to our
 * {@code callback_url}, which ends our waiting step.
 */
@WithJenkins
class DockerHubNotificationRoundTripTest {

    @Test
    void shouldTriggerTheReceiversJobAndGetItsCallbackBack(JenkinsRule j) throws Exception {
        FreeStyleProject deploy = j.createFreeStyleProject("deploy");
        deploy.addTrigger(new DockerHubTrigger(new TriggerOnSpecifiedImageNames(List.of("acme/app"))));
        // SECURITY-2843: the receiver only accepts notifications under one of its API tokens
        String apiToken = ApiTokens.get().generateApiToken("docker-build-webhooks").getString("value");
        WebhookEndpoint hub = new WebhookEndpoint("dockerhub-notification");
        hub.setUrl(j.getURL() + "dockerhub-webhook/" + apiToken + "/notify");
        hub.setCallbacks(true);
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        config.setEndpoints(List.of(hub));
        config.setMaxAttempts(1);
        WorkflowJob build = j.createProject(WorkflowJob.class, "build");
        build.setDefinition(new CpsFlowDefinition("""
                def r = dockerWebhook endpoints: 'dockerhub-notification', images: 'acme/app:1.0', pusher: 'ci',
                        waitForCallback: true, callbackTimeout: 600, failureMode: 'failure'
                echo "delivery ${r[0].outcome} ${r[0].status}"
                echo "callback ${r[0].callbackState} [${r[0].callbackDescription}] [${r[0].callbackContext}] ${r[0].callbackTargetUrl}"
                """, true));

        WorkflowRun run = j.buildAndAssertSuccess(build);

        j.assertLogContains("delivery DELIVERED_REDIRECT 302", run);
        j.assertLogContains("callback success [Build result SUCCESS] [Jenkins] " + j.getURL() + "dockerhub-webhook/details/", run);
        FreeStyleBuild triggered = deploy.getLastBuild();
        assertThat(triggered).as("the receiver's job ran").isNotNull();
        j.assertBuildStatusSuccess(triggered);
        DockerHubWebHookCause cause = triggered.getCause(DockerHubWebHookCause.class);
        assertThat(cause).isNotNull();
        assertThat(cause.getPushNotification().getRepoName()).isEqualTo("acme/app");
        DeliveryRecord record = run.getAction(DeliveriesAction.class).getRecords().get(0);
        assertThat(record.getCallback().state()).isEqualTo(CallbackState.SUCCESS);
        assertThat(record.getCallback().context()).isEqualTo("Jenkins");
    }
}
