package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.await;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.configure;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.steps.DockerWebhookPublisher;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The build's "Docker webhooks" page and its summary on the build page, for one delivery that
 * arrived and got a callback, one that failed, and a URL whose token must never be shown.
 */
@WithJenkins
class DeliveriesPageTest {
    private static final String TOKEN = "T0KEN-9f2c";

    @Test
    void shouldShowDeliveredFailedAndCallbackReportedDeliveriesWithSecretsMasked(JenkinsRule j) throws Exception {
        try (HookReceiver good = HookReceiver.start().reportBack("{\"state\":\"success\",\"context\":\"deployer\",\"description\":\"rolled out\"}");
                HookReceiver bad = HookReceiver.start().answer(500)) {
            Fixtures.addSecretText("good-url", good.url("/hook/" + TOKEN + "?token=" + TOKEN));
            WebhookEndpoint secretUrl = new WebhookEndpoint("good");
            secretUrl.setUrlCredentialsId("good-url");
            secretUrl.setCallbacks(true);
            configure(1, secretUrl, endpoint("bad", bad.url("/down"), false));
            FreeStyleProject project = j.createFreeStyleProject("f");
            DockerWebhookPublisher publisher = new DockerWebhookPublisher();
            publisher.setImages("localhost:5000/acme/app:1.0");
            publisher.setFailureMode("never");
            project.getPublishersList().add(publisher);

            FreeStyleBuild build = j.assertBuildStatus(Result.SUCCESS, project.scheduleBuild2(0));
            DeliveriesAction action = build.getAction(DeliveriesAction.class);
            await("the receiver's callback is recorded",
                    () -> action.getRecords().stream().anyMatch(r -> r.getCallback() != null));

            JenkinsRule.WebClient wc = j.createWebClient();
            String buildPage = wc.getPage(build).asNormalizedText();
            assertThat(buildPage).contains("Docker webhooks: 1 delivered, 1 failed", "Callbacks: 1 success");

            HtmlPage page = wc.getPage(build, "docker-webhooks/");
            String text = page.asNormalizedText();
            assertThat(page.getTitleText()).contains("Docker webhooks");
            assertThat(text).contains("1 delivered, 1 failed, 0 still being delivered.", "Redeliver failed",
                    "localhost:5000/acme/app:1.0 → good", "localhost:5000/acme/app:1.0 → bad",
                    "DELIVERED", "FAILED", "HTTP 500", "Callback: success", "rolled out", "Payload sent");
            // seen in the live check: the context ran into the state, the ids pushed the table past the page
            assertThat(text).contains("Callback: success (deployer): rolled out", "Delivery id: ");
            assertThat(page.getByXPath("//table[@id='docker-webhooks-deliveries']//code")).as("no ids in the table").isEmpty();
            assertThat(page.getWebResponse().getContentAsString()).as("the URL credential's token")
                    .doesNotContain(TOKEN);
            List<?> rows = page.getByXPath("//table[@id='docker-webhooks-deliveries']/tbody/tr");
            assertThat(rows).hasSize(2);
        }
    }
}
