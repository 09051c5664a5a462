package io.jenkins.plugins.dockerbuildwebhooks.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveriesAction;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Receiver;
import java.util.List;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.CoreStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class DockerWebhookStepTest {
    /** What {@code docker push} prints (core/src/test/resources/fixtures/docker/docker-push.txt). */
    private static final String PUSH_OUTPUT = String.join("\\n",
            "The push refers to repository [localhost:5000/demo/app]",
            "80cd36022ab6: Preparing",
            "80cd36022ab6: Pushed",
            "1.0: digest: sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc size: 524");

    private static WorkflowRun run(JenkinsRule j, String script, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = job.scheduleBuild2(0).get();
        j.assertBuildStatus(expected, run);
        return run;
    }

    @Test
    void shouldReturnTheDeliveriesToAScriptedPipeline(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Fixtures.globalEndpoints(Fixtures.endpoint("hub", receiver.url("/hub")));
            String script = """
                    node {
                      writeFile file: 'build/iid.txt', text: '%s'
                      def results = dockerWebhook endpoints: 'hub', images: 'localhost:5000/acme/app:2.1', iidFile: 'build/iid.txt'
                      echo "result ${results.size()} ${results[0].endpoint} ${results[0].reference} ${results[0].outcome} ${results[0].status} ${results[0].success}"
                    }
                    """.formatted(Fixtures.IMAGE_ID);

            WorkflowRun run = run(j, script, Result.SUCCESS);

            j.assertLogContains("result 1 hub localhost:5000/acme/app:2.1 DELIVERED 200 true", run);
            assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.text())
                    .contains("\"tag\":\"2.1\"", "4f1e0c3a".repeat(8)));
        }
    }

    @Test
    void shouldFindPushedImagesInTheConsoleLogOfADeclarativePipeline(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Fixtures.globalEndpoints(Fixtures.endpoint("hub", receiver.url("/")));
            String script = """
                    pipeline {
                      agent any
                      stages {
                        stage('push') {
                          steps {
                            echo "%s"
                            script {
                              def results = dockerWebhook(pusher: 'release-bot')
                              echo "outcomes ${results.collect { it.reference + '=' + it.outcome }}"
                            }
                          }
                        }
                      }
                    }
                    """.formatted(PUSH_OUTPUT);

            WorkflowRun run = run(j, script, Result.SUCCESS);

            j.assertLogContains("outcomes [localhost:5000/demo/app:1.0=DELIVERED]", run);
            assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.text())
                    .contains("\"pusher\":\"release-bot\"", "\"tag\":\"1.0\""));
        }
    }

    @Test
    void shouldAddTheRegistryDigestOnlyWhenAsked(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Fixtures.globalEndpoints(Fixtures.endpoint("hub", receiver.url("/")));
            String script = """
                    node {
                      echo "%s"
                      dockerWebhook(includeDigest: true)
                      dockerWebhook()
                    }
                    """.formatted(PUSH_OUTPUT);

            run(j, script, Result.SUCCESS);

            assertThat(receiver.requests()).hasSize(2);
            assertThat(receiver.requests().get(0).text()).contains(
                    "\"push_data\":{\"digest\":\"sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc\"");
            assertThat(receiver.requests().get(1).text()).doesNotContain("\"digest\"");
        }
    }

    @Test
    void shouldSendToInlineEndpointsWithTheJobsCredentials(JenkinsRule j) throws Exception {
        Fixtures.addSecretText("bearer", "inline-token-value");
        try (Receiver receiver = Receiver.start()) {
            String script = """
                    def r = dockerWebhook images: 'acme/app:1.0', inlineEndpoints: [endpoint(id: 'mine', url: '%s', authCredentialsId: 'bearer', signatureScheme: 'none')]
                    echo "got ${r[0].endpoint} ${r[0].outcome}"
                    """.formatted(receiver.url("/inline"));

            WorkflowRun run = run(j, script, Result.SUCCESS);

            j.assertLogContains("got mine DELIVERED", run);
            j.assertLogNotContains("inline-token-value", run);
            assertThat(receiver.requests()).singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer inline-token-value"));
        }
    }

    @Test
    void shouldMarkThePipelineUnstableAndStillReturnTheFailure(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.start(404)) {
            Fixtures.globalEndpoints(Fixtures.endpoint("hub", receiver.url("/")));
            String script = """
                    def r = dockerWebhook images: 'acme/app:1.0'
                    echo "failed with ${r[0].status} after ${r[0].attempts} attempt"
                    """;

            WorkflowRun run = run(j, script, Result.UNSTABLE);

            j.assertLogContains("failed with 404 after 1 attempt", run);
            List<DeliveryRecord> records = run.getAction(DeliveriesAction.class).getRecords();
            assertThat(records).extracting(DeliveryRecord::getOutcome).containsExactly("FAILED");
        }
    }

    @Test
    void shouldReportPendingDeliveriesAndRecordThemWhenTheyFinish(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.held()) {
            // a generous attempt timeout: the answer is held back until the build has finished
            Fixtures.globalEndpoints(Fixtures.endpoint("slow", receiver.url("/"))).setTimeoutSeconds(600);
            String script = """
                    def r = dockerWebhook images: 'acme/app:1.0', waitSeconds: 0
                    echo "right after: ${r[0].outcome}"
                    """;

            WorkflowRun run = run(j, script, Result.SUCCESS);

            j.assertLogContains("right after: PENDING", run);
            j.assertLogContains("1 still being delivered after the wait time", run);
            DeliveriesAction action = run.getAction(DeliveriesAction.class);
            assertThat(action.getPendingCount()).isEqualTo(1);
            receiver.release();
            long deadline = System.currentTimeMillis() + 60_000;
            while (action.getPendingCount() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(action.getRecords()).extracting(DeliveryRecord::getOutcome).containsExactly("DELIVERED");
        }
    }

    @Test
    void shouldFailTheStepWhenAFileSourceIsMissing(JenkinsRule j) throws Exception {
        Fixtures.globalEndpoints(Fixtures.endpoint("hub", "http://127.0.0.1:9/"));
        String script = "node { dockerWebhook images: 'acme/app:1.0', iidFile: 'nowhere/iid.txt' }";

        WorkflowRun run = run(j, script, Result.FAILURE);

        j.assertLogContains("iidFile nowhere/iid.txt does not exist in the workspace", run);
    }

    @Test
    void shouldRoundTripThroughTheSnippetGenerator(JenkinsRule j) throws Exception {
        DockerWebhookStep step = new DockerWebhookStep();
        step.setEndpoints("hub, keel");
        step.setImages("acme/app:1.0");
        step.setIidFile("iid.txt");
        step.setFailureMode("failure");
        step.setWaitSeconds(30);
        WebhookEndpoint inline = Fixtures.endpoint("inline", "https://hooks.example.com/x");
        inline.setRepositories("acme/*");
        step.setInlineEndpoints(List.of(inline));

        String snippet = Snippetizer.object2Groovy(step);

        assertThat(snippet).isEqualTo("dockerWebhook endpoints: 'hub, keel', failureMode: 'failure', iidFile: 'iid.txt', "
                + "images: 'acme/app:1.0', inlineEndpoints: [endpoint(id: 'inline', repositories: 'acme/*', "
                + "url: 'https://hooks.example.com/x')], waitSeconds: 30");
        DockerWebhookStep back = DescribableModel.of(DockerWebhookStep.class)
                .instantiate(DescribableModel.uninstantiate2_(step).toMap(), TaskListener.NULL);
        j.assertEqualDataBoundBeans(step, back);
    }

    @Test
    void shouldRoundTripTheFormatFieldsAndTheManifestFile(JenkinsRule j) throws Exception {
        DockerWebhookStep step = new DockerWebhookStep();
        step.setImages("localhost:5000/acme/app:1.0");
        step.setManifestFile("build/index.json");
        step.setPayloadProfile("registry-notification");
        WebhookEndpoint inline = Fixtures.endpoint("events", "https://cd.example.com/events");
        inline.setPayloadProfile("cdevents");
        inline.setCdeventsSpec("0.5.1");
        inline.setCloudEventsMode("structured");
        inline.setHubSignatureHeader("X-Signature");
        step.setInlineEndpoints(List.of(inline));

        String snippet = Snippetizer.object2Groovy(step);

        assertThat(snippet).contains("manifestFile: 'build/index.json'", "payloadProfile: 'registry-notification'",
                "cdeventsSpec: '0.5.1'", "cloudEventsMode: 'structured'", "hubSignatureHeader: 'X-Signature'",
                "payloadProfile: 'cdevents'");
        DockerWebhookStep back = DescribableModel.of(DockerWebhookStep.class)
                .instantiate(DescribableModel.uninstantiate2_(step).toMap(), TaskListener.NULL);
        j.assertEqualDataBoundBeans(step, back);
        assertThat(back.getInlineEndpoints()).containsExactly(inline);
    }

    /**
     * What a user does: fills the step's form in the Snippet Generator, presses "Generate Pipeline
     * Script" (a POST of the form's JSON), pastes the snippet into a Pipeline and runs it.
     */
    @Test
    void shouldGenerateASnippetFromTheFormThatRuns(JenkinsRule j) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Fixtures.globalEndpoints(Fixtures.endpoint("hub", receiver.url("/hook")));
            WorkflowJob job = j.createProject(WorkflowJob.class, "generated");
            String form = """
                    {"stapler-class": "%1$s", "$class": "%1$s", "endpoints": "hub", "images": "acme/app:1.0",
                     "iidFile": "", "metadataFile": "", "digestFile": "", "scanConsoleLog": false, "includeDigest": false,
                     "failureMode": "never", "payloadProfile": "", "pusher": "", "waitSeconds": "",
                     "waitForCallback": false, "callbackTimeout": "600"}""".formatted(DockerWebhookStep.class.getName());
            JenkinsRule.WebClient wc = j.createWebClient();
            org.htmlunit.WebRequest request = new org.htmlunit.WebRequest(
                    new java.net.URL(j.getURL(), "job/generated/pipeline-syntax/generateSnippet"),
                    org.htmlunit.HttpMethod.POST);
            request.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("json", form)));
            String snippet = wc.getPage(wc.addCrumb(request)).getWebResponse().getContentAsString().strip();

            assertThat(snippet).startsWith("dockerWebhook ").contains("endpoints: 'hub'", "images: 'acme/app:1.0'",
                    "failureMode: 'never'");
            job.setDefinition(new CpsFlowDefinition("def r = " + snippet + "\necho \"outcome ${r[0].outcome}\"", true));
            WorkflowRun run = j.buildAndAssertSuccess(job);

            j.assertLogContains("outcome DELIVERED", run);
            assertThat(receiver.requests()).singleElement()
                    .satisfies(r -> assertThat(r.text()).contains("\"repo_name\":\"acme/app\""));
        }
    }

    @Test
    void shouldGiveThePublisherASymbolOtherThanTheStepName(JenkinsRule j) {
        DockerWebhookPublisher publisher = new DockerWebhookPublisher();
        publisher.setImages("acme/app:1.0");

        assertThat(Snippetizer.object2Groovy(new CoreStep(publisher))).isEqualTo("sendDockerWebhooks images: 'acme/app:1.0'");
    }
}
