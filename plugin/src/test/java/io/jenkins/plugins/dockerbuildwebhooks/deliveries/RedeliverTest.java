package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.await;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.configure;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.endpoint;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Result;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The "Redeliver" buttons: POST only, Item/Build on the job, a new delivery pointing to the original. */
@WithJenkins
class RedeliverTest {
    private static final String SEND = "dockerWebhook images: 'acme/app:1.0', failureMode: 'never'";

    /** Users: "reader" may read, "builder" may also build. */
    private static void secure(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "builder")
                .grant(Item.BUILD).everywhere().to("builder"));
    }

    /** POSTs to the build's Docker webhooks page as {@code user}, with a crumb; the final HTTP status. */
    private static int post(JenkinsRule j, String user, WorkflowRun run, String method, String deliveryId)
            throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login(user);
        WebRequest request = new WebRequest(new URL(j.getURL(), run.getUrl() + "docker-webhooks/" + method),
                HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        if (deliveryId != null) {
            parameters.add(new NameValuePair("id", deliveryId));
        }
        request.setRequestParameters(parameters);
        wc.addCrumb(request);
        return wc.getPage(request).getWebResponse().getStatusCode();
    }

    private static List<DeliveryRecord> records(WorkflowRun run) {
        return run.getAction(DeliveriesAction.class).getRecords();
    }

    @Test
    void shouldRedeliverAsANewDeliveryThatPointsToTheOriginal(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().script(500)) {
            configure(1, endpoint("hub", receiver.url("/hook"), true));
            secure(j);
            WorkflowRun run = pipeline(j, "p", SEND, Result.SUCCESS);
            DeliveryRecord failed = records(run).get(0);
            assertThat(failed.getOutcome()).isEqualTo("FAILED");

            int status = post(j, "builder", run, "redeliver", failed.getDeliveryId());

            assertThat(status).isEqualTo(200); // redirected back to the page
            await("the redelivery is delivered", () -> records(run).size() == 2 && records(run).get(1).isSuccess());
            DeliveryRecord again = records(run).get(1);
            assertThat(again.getRedeliveryOf()).isEqualTo(failed.getDeliveryId());
            assertThat(again.getDeliveryId()).isNotEqualTo(failed.getDeliveryId());
            assertThat(records(run).get(0).getOutcome()).as("the original stays as it was").isEqualTo("FAILED");
            HookReceiver.Request first = receiver.requests().get(0);
            HookReceiver.Request second = receiver.requests().get(1);
            assertThat(second.header("webhook-id")).isEqualTo(again.getDeliveryId());
            assertThat(second.callbackUrl()).as("a token of its own").isNotEqualTo(first.callbackUrl())
                    .startsWith(j.getURL() + "docker-build-webhooks/callback/");
            assertThat(second.text().replace(second.callbackUrl(), "CALLBACK"))
                    .as("otherwise the same payload").isEqualTo(first.text().replace(first.callbackUrl(), "CALLBACK"));
        }
    }

    @Test
    void shouldRefuseRedeliveryWithoutBuildPermission(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().answer(500)) {
            configure(1, endpoint("hub", receiver.url("/hook"), false));
            secure(j);
            WorkflowRun run = pipeline(j, "p", SEND, Result.SUCCESS);
            String id = records(run).get(0).getDeliveryId();

            assertThat(post(j, "reader", run, "redeliver", id)).isEqualTo(403);
            assertThat(post(j, "reader", run, "redeliverFailed", null)).isEqualTo(403);

            assertThat(records(run)).hasSize(1);
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void shouldNotRedeliverOnGet(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().answer(500)) {
            configure(1, endpoint("hub", receiver.url("/hook"), false));
            WorkflowRun run = pipeline(j, "p", SEND, Result.SUCCESS);
            String id = records(run).get(0).getDeliveryId();

            JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
            int status = wc.goTo(run.getUrl() + "docker-webhooks/redeliver?id=" + id).getWebResponse().getStatusCode();

            assertThat(status).isIn(404, 405);
            assertThat(records(run)).hasSize(1);
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void shouldRedeliverEveryFailedDeliveryOnce(JenkinsRule j) throws Exception {
        try (HookReceiver a = HookReceiver.start().script(500); HookReceiver b = HookReceiver.start().script(503)) {
            configure(1, endpoint("a", a.url("/hook"), false), endpoint("b", b.url("/hook"), false));
            secure(j);
            WorkflowRun run = pipeline(j, "p", SEND, Result.SUCCESS);
            assertThat(records(run)).extracting(DeliveryRecord::getOutcome).containsOnly("FAILED");

            assertThat(post(j, "builder", run, "redeliverFailed", null)).isEqualTo(200);
            await("both redeliveries are delivered",
                    () -> records(run).size() == 4 && records(run).stream().filter(DeliveryRecord::isSuccess).count() == 2);
            assertThat(post(j, "builder", run, "redeliverFailed", null)).isEqualTo(200);

            assertThat(records(run)).as("failures already redelivered are not sent again").hasSize(4);
            assertThat(a.requests()).hasSize(2);
            assertThat(b.requests()).hasSize(2);
        }
    }

    @Test
    void shouldRefuseToRedeliverAnotherBuildsDelivery(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start().answer(500)) {
            configure(1, endpoint("hub", receiver.url("/hook"), false));
            secure(j);
            WorkflowRun first = pipeline(j, "p", SEND, Result.SUCCESS);
            WorkflowRun second = j.buildAndAssertSuccess(first.getParent());
            String idOfFirst = records(first).get(0).getDeliveryId();

            assertThat(post(j, "builder", second, "redeliver", idOfFirst)).isEqualTo(404);

            assertThat(records(second)).hasSize(1);
            assertThat(receiver.requests()).hasSize(2);
        }
    }
}
