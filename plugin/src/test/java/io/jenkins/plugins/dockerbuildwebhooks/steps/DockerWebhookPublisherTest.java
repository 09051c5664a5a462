package io.jenkins.plugins.dockerbuildwebhooks.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveriesAction;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Receiver;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class DockerWebhookPublisherTest {
    private static final String IMAGES = "localhost:5000/acme/app:1.0 localhost:5000/acme/app:latest";

    private static FreeStyleProject project(JenkinsRule j, DockerWebhookPublisher publisher) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(TestBuilder.of((build, launcher, listener) ->
                build.getWorkspace().child("out/iid.txt").write(Fixtures.IMAGE_ID + "\n", "UTF-8")));
        p.getPublishersList().add(publisher);
        return p;
    }

    private static DockerWebhookPublisher publisher(String images) {
        DockerWebhookPublisher publisher = new DockerWebhookPublisher();
        publisher.setImages(images);
        publisher.setIidFile("out/iid.txt");
        return publisher;
    }

    @Test
    void shouldKeepEveryFieldThroughTheConfigurationForm(JenkinsRule j) throws Exception {
        Fixtures.globalEndpoints(Fixtures.endpoint("hub", "https://hooks.example.com/"));
        DockerWebhookPublisher before = publisher(IMAGES);
        before.setEndpoints("hub");
        before.setMetadataFile("meta.json");
        before.setDigestFile("digest.txt");
        before.setManifestFile("build/index.json");
        before.setScanConsoleLog(true);
        before.setPayloadProfile("registry-notification");
        before.setPusher("ci-bot");
        before.setFailureMode("failure");
        before.setWaitSeconds(30);
        WebhookEndpoint inline = Fixtures.endpoint("inline", "https://inline.example.com/hook");
        inline.setRepositories("acme/*");
        inline.setHeaders("X-Team: platform");
        inline.setSignatureScheme("hub-signature-256");
        inline.setHubSignatureHeader("X-Signature");
        inline.setPayloadProfile("cdevents");
        inline.setCdeventsSpec("0.5.1");
        inline.setCloudEventsMode("structured");
        before.setInlineEndpoints(List.of(inline));

        DockerWebhookPublisher after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void shouldSendOneSignedPayloadPerTagAndRecordIt(JenkinsRule j) throws Exception {
        Fixtures.addSecretText("hook-secret", "It's a Secret to Everybody");
        try (Receiver receiver = Receiver.start()) {
            WebhookEndpoint hub = Fixtures.endpoint("hub", receiver.url("/hooks/docker"));
            hub.setSecretCredentialsId("hook-secret");
            Fixtures.globalEndpoints(hub);

            FreeStyleBuild build = j.buildAndAssertSuccess(project(j, publisher(IMAGES)));

            List<Receiver.Request> requests = receiver.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests).extracting(Receiver.Request::text)
                    .anySatisfy(body -> assertThat(body).contains("\"tag\":\"1.0\""))
                    .anySatisfy(body -> assertThat(body).contains("\"tag\":\"latest\""))
                    .allSatisfy(body -> assertThat(body).contains("\"images\":[\"" + "4f1e0c3a".repeat(8) + "\"]"));
            for (Receiver.Request r : requests) {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/hooks/docker");
                assertThat(r.header("Content-Type")).startsWith("application/json");
                assertThat(r.header("X-Hub-Signature-256")).isEqualTo(Receiver.hubSignature("It's a Secret to Everybody", r.body()));
                assertThat(r.header("webhook-signature")).startsWith("v1,");
            }
            List<DeliveryRecord> records = build.getAction(DeliveriesAction.class).getRecords();
            assertThat(records).extracting(DeliveryRecord::getOutcome).containsOnly("DELIVERED");
            assertThat(records).extracting(DeliveryRecord::getDeliveryId)
                    .containsExactlyInAnyOrderElementsOf(requests.stream().map(r -> r.header("webhook-id")).toList());
            j.assertLogContains("localhost:5000/acme/app:1.0 → hub", build);
            j.assertLogNotContains("It's a Secret to Everybody", build);
        }
    }

    @Test
    void shouldLeaveTheBuildSuccessfulWhenFailureModeIsNever(JenkinsRule j) throws Exception {
        assertFailureMode(j, "never", Result.SUCCESS);
    }

    @Test
    void shouldMarkTheBuildUnstableByDefault(JenkinsRule j) throws Exception {
        assertFailureMode(j, "", Result.UNSTABLE);
    }

    @Test
    void shouldFailTheBuildWhenFailureModeIsFailure(JenkinsRule j) throws Exception {
        assertFailureMode(j, "failure", Result.FAILURE);
    }

    private static void assertFailureMode(JenkinsRule j, String mode, Result expected) throws Exception {
        try (Receiver receiver = Receiver.start(500)) {
            Fixtures.globalEndpoints(Fixtures.endpoint("flaky", receiver.url("/")));
            DockerWebhookPublisher publisher = publisher("acme/app:1.0");
            publisher.setFailureMode(mode);

            FreeStyleBuild build = j.buildAndAssertStatus(expected, project(j, publisher));

            assertThat(receiver.requests()).hasSize(1);
            DeliveryRecord record = build.getAction(DeliveriesAction.class).getRecords().get(0);
            assertThat(record.getOutcome()).isEqualTo("FAILED");
            assertThat(record.getStatus()).isEqualTo(500);
            j.assertLogContains("1 of 1 Docker webhook deliveries failed", build);
        }
    }

    @Test
    void shouldSendOnlyToEndpointsWhoseRepositoryFilterAcceptsTheImage(JenkinsRule j) throws Exception {
        try (Receiver wanted = Receiver.start(); Receiver other = Receiver.start()) {
            WebhookEndpoint acme = Fixtures.endpoint("acme", wanted.url("/"));
            acme.setRepositories("localhost:5000/acme/*");
            WebhookEndpoint elsewhere = Fixtures.endpoint("elsewhere", other.url("/"));
            elsewhere.setRepositories("ghcr.io/**");
            WebhookEndpoint disabled = Fixtures.endpoint("disabled", other.url("/"));
            disabled.setEnabled(false);
            Fixtures.globalEndpoints(acme, elsewhere, disabled);

            j.buildAndAssertSuccess(project(j, publisher(IMAGES)));

            assertThat(wanted.requests()).hasSize(2);
            assertThat(other.requests()).isEmpty();
        }
    }

    @Test
    void shouldSendOnlyToTheNamedEndpoints(JenkinsRule j) throws Exception {
        try (Receiver chosen = Receiver.start(); Receiver skipped = Receiver.start()) {
            Fixtures.globalEndpoints(Fixtures.endpoint("chosen", chosen.url("/")), Fixtures.endpoint("skipped", skipped.url("/")));
            DockerWebhookPublisher publisher = publisher("acme/app:1.0");
            publisher.setEndpoints("chosen");

            j.buildAndAssertSuccess(project(j, publisher));

            assertThat(chosen.requests()).hasSize(1);
            assertThat(skipped.requests()).isEmpty();
        }
    }

    @Test
    void shouldExpandBuildVariablesInFreestyleFields(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Fixtures.globalEndpoints(Fixtures.endpoint("hub", receiver.url("/")));
            DockerWebhookPublisher publisher = publisher("acme/app:build-$BUILD_NUMBER");
            publisher.setPusher("${JOB_NAME}-bot");

            j.buildAndAssertSuccess(project(j, publisher));

            assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.text())
                    .contains("\"tag\":\"build-1\"", "\"pusher\":\"test0-bot\""));
        }
    }

    @Test
    void shouldFailNamingAnUnknownEndpointId(JenkinsRule j) throws Exception {
        Fixtures.globalEndpoints(Fixtures.endpoint("hub", "http://127.0.0.1:9/"));
        DockerWebhookPublisher publisher = publisher("acme/app:1.0");
        publisher.setEndpoints("nope");

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project(j, publisher));

        j.assertLogContains("No global webhook endpoint has the id \"nope\" (configured: hub)", build);
    }

    @Test
    void shouldFailNamingMissingCredentials(JenkinsRule j) throws Exception {
        WebhookEndpoint hub = Fixtures.endpoint("hub", "http://127.0.0.1:9/");
        hub.setSecretCredentialsId("missing-secret");
        Fixtures.globalEndpoints(hub);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project(j, publisher("acme/app:1.0")));

        j.assertLogContains("Credentials \"missing-secret\" (signing secret of endpoint \"hub\") not found; expected Secret text", build);
    }

    @Test
    void shouldFailNamingCredentialsOfTheWrongType(JenkinsRule j) throws Exception {
        Fixtures.addUsernamePassword("user-pass", "deployer", "a-long-enough-password");
        WebhookEndpoint hub = Fixtures.endpoint("hub", "http://127.0.0.1:9/");
        hub.setUrlCredentialsId("user-pass");
        hub.setUrl("");
        Fixtures.globalEndpoints(hub);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project(j, publisher("acme/app:1.0")));

        j.assertLogContains("Credentials \"user-pass\" (URL of endpoint \"hub\") are Username with password, but Secret text is needed", build);
    }

    @Test
    void shouldNeverShowTheTokenOfASecretUrl(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Fixtures.addSecretText("hook-url", receiver.url("/hooks/T0KEN-in-path?token=T0KEN-in-query"));
            Fixtures.addUsernamePassword("basic", "deployer", "basic-password-secret");
            WebhookEndpoint hub = new WebhookEndpoint("hub");
            hub.setUrlCredentialsId("hook-url");
            hub.setAuthCredentialsId("basic");
            Fixtures.globalEndpoints(hub);

            FreeStyleBuild build = j.buildAndAssertSuccess(project(j, publisher("acme/app:1.0")));

            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.path()).isEqualTo("/hooks/T0KEN-in-path?token=T0KEN-in-query");
            assertThat(request.header("Authorization")).startsWith("Basic ");
            j.assertLogNotContains("T0KEN", build);
            j.assertLogNotContains("basic-password-secret", build);
            String page = j.createWebClient().goTo(build.getUrl() + "docker-webhooks/").asNormalizedText();
            assertThat(page).contains("acme/app:1.0", "DELIVERED", "http://127.0.0.1:").doesNotContain("T0KEN");
            String summary = j.createWebClient().goTo(build.getUrl()).asNormalizedText();
            assertThat(summary).contains("Docker webhooks: 1 delivered, 0 failed");
        }
    }

    @Test
    void shouldEscapeTheReceiversAnswerOnTheDeliveriesPage(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.answering("<img id=\"injected\" src=\"x\">oops", 400)) {
            Fixtures.globalEndpoints(Fixtures.endpoint("hub", receiver.url("/")));
            DockerWebhookPublisher publisher = publisher("acme/app:1.0");
            publisher.setFailureMode("never");
            FreeStyleBuild build = j.buildAndAssertSuccess(project(j, publisher));

            HtmlPage page = j.createWebClient().goTo(build.getUrl() + "docker-webhooks/");

            assertThat(page.getElementById("injected")).isNull();
            assertThat(page.asNormalizedText()).contains("<img id=\"injected\" src=\"x\">oops", "FAILED");
        }
    }
}
