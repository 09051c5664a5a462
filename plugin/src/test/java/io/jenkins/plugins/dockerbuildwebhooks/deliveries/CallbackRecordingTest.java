package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.await;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.configure;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.endpoint;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.onlyRecord;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A receiver's report lands on its delivery, stays there, and is shown escaped. */
@WithJenkins
class CallbackRecordingTest {
    private static final String HOSTILE = """
            {"state":"error","description":"<img src=x onerror=alert(1)>","context":"<b>ctx</b>","target_url":"https://cd.example.com/run?a=1&b=2"}""";

    @Test
    void shouldRecordTheReportOnItsDeliveryAndShowItEscaped(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().reportBack(HOSTILE)) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));

            WorkflowRun run = pipeline(j, "p",
                    "dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', failureMode: 'never'", Result.SUCCESS);
            await("the report is recorded", () -> onlyRecord(run).getCallback() != null);

            CallbackReport report = onlyRecord(run).getCallback();
            assertThat(report.state()).isEqualTo(CallbackState.ERROR);
            assertThat(report.description()).isEqualTo("<img src=x onerror=alert(1)>");
            run.reload();
            assertThat(onlyRecord(run).getCallback()).as("saved with the build").isEqualTo(report);

            assertThat(j.createWebClient().getPage(run).getWebResponse().getContentAsString())
                    .as("the build page summary").contains("Callbacks: 1 error");
            HtmlPage page = j.createWebClient().getPage(run, "docker-webhooks/");
            String html = page.getWebResponse().getContentAsString();
            // Shown as text: the markup is in the page's text, and no element came of it. (Stapler
            // escapes '<' and '&' in text; a bare '>' is harmless there.)
            assertThat(page.asNormalizedText()).contains("<img src=x onerror=alert(1)>", "(<b>ctx</b>)");
            assertThat(html).doesNotContain("<img src=x", "<b>ctx</b>");
            assertThat(page.getByXPath("//img[@src='x'] | //p[@class='docker-webhooks-callback']//b")).isEmpty();
            assertThat(page.getAnchorByText("details").getHrefAttribute()).isEqualTo("https://cd.example.com/run?a=1&b=2");
            assertThat(page.getAnchorByText("details").getAttribute("rel")).contains("noopener", "noreferrer");
            assertThat(html).as("the callback URL (it holds the token) is not shown")
                    .doesNotContain(receiver.requests().get(0).callbackUrl());
        }
    }

    @Test
    void shouldKeepTheFirstReportOfADelivery(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().reportBack("{\"state\":\"failure\"}")) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));
            WorkflowRun run = pipeline(j, "p",
                    "dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', failureMode: 'never'", Result.SUCCESS);
            await("the first report is recorded", () -> onlyRecord(run).getCallback() != null);

            HttpResponse<String> second = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(receiver.requests().get(0).callbackUrl()))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"success\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(onlyRecord(run).getCallback().state()).isEqualTo(CallbackState.FAILURE);
        }
    }

    @Test
    void shouldAnswer404ForAGenuineTokenOfADeletedBuild(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start()) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));
            WorkflowRun run = pipeline(j, "p",
                    "dockerWebhook endpoints: 'hub', images: 'acme/app:1.0', failureMode: 'never'", Result.SUCCESS);
            String callbackUrl = receiver.requests().get(0).callbackUrl();
            run.delete();

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(callbackUrl))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"success\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(404);
        }
    }
}
