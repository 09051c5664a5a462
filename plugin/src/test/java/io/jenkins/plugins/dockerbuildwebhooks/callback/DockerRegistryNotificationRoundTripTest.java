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
import org.jenkinsci.plugins.registry.notification.webhook.dockerregistry.DockerRegistryPushNotification;
import org.jenkinsci.plugins.registry.notification.webhook.dockerregistry.DockerRegistryWebHookCause;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A real receiver of registry events, the dockerhub-notification plugin's
 * {@code /dockerregistry-webhook/<API token>/notify} in the same Jenkins: our
 * {@code registry-notification} delivery triggers the job watching the image. That endpoint takes
 * {@code push} events whose {@code target.url} names a manifest, and matches jobs on the URL's host
 * and {@code target.repository}, so the job watches {@code localhost:5000/acme/app}.
 */
@WithJenkins
class DockerRegistryNotificationRoundTripTest {
    private static final String DIGEST = "sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc";

    @Test
    void shouldTriggerTheJobThatWatchesThePushedImage(JenkinsRule j) throws Exception {
        FreeStyleProject deploy = j.createFreeStyleProject("deploy");
        deploy.addTrigger(new DockerHubTrigger(new TriggerOnSpecifiedImageNames(List.of("localhost:5000/acme/app"))));
        // SECURITY-2843: the receiver only accepts notifications under one of its API tokens
        String apiToken = ApiTokens.get().generateApiToken("docker-build-webhooks").getString("value");
        WebhookEndpoint registry = new WebhookEndpoint("dockerregistry-notification");
        registry.setUrl(j.getURL() + "dockerregistry-webhook/" + apiToken + "/notify");
        registry.setPayloadProfile("registry-notification");
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        config.setEndpoints(List.of(registry));
        config.setMaxAttempts(1);
        WorkflowJob build = j.createProject(WorkflowJob.class, "build");
        build.setDefinition(new CpsFlowDefinition("""
                def r = dockerWebhook images: 'localhost:5000/acme/app:1.0@%s', pusher: 'ci', failureMode: 'failure'
                echo "delivery ${r[0].success} ${r[0].status}"
                """.formatted(DIGEST), true));

        WorkflowRun run = j.buildAndAssertSuccess(build);

        j.assertLogContains("delivery true ", run);
        j.waitUntilNoActivity();
        FreeStyleBuild triggered = deploy.getLastBuild();
        assertThat(triggered).as("the receiver's job ran").isNotNull();
        j.assertBuildStatusSuccess(triggered);
        DockerRegistryWebHookCause cause = triggered.getCause(DockerRegistryWebHookCause.class);
        assertThat(cause).as("triggered by the registry endpoint").isNotNull();
        DockerRegistryPushNotification push = (DockerRegistryPushNotification) cause.getPushNotification();
        assertThat(push.getRepoName()).isEqualTo("localhost:5000/acme/app");
        assertThat(push.getTag()).isEqualTo("1.0");
        assertThat(push.getRegistryHost()).isEqualTo("localhost:5000");
        DeliveryRecord record = run.getAction(DeliveriesAction.class).getRecords().get(0);
        assertThat(record.getPayload()).contains("\"events\"", DIGEST);
    }
}
