package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.configure;
import static io.jenkins.plugins.dockerbuildwebhooks.deliveries.OutboxTestSupport.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * One notification to many endpoints through the outbox: results are saved with the build in
 * batches, and the step returns only once every result it reports is in {@code build.xml}.
 */
@WithJenkins
class DeliveryOutboxFanOutTest {
    private static final int ENDPOINTS = 50;
    /** Saves of build.xml of the job "fan" while its step runs. */
    private static final AtomicInteger SAVES = new AtomicInteger();
    private static volatile boolean counting;

    @Test
    void shouldHaveEveryResultInBuildXmlWhenTheStepReturnsWithFewerSavesThanDeliveries(JenkinsRule j) throws Exception {
        try (HookReceiver receiver = HookReceiver.start()) {
            WebhookEndpoint[] endpoints = new WebhookEndpoint[ENDPOINTS];
            for (int i = 0; i < ENDPOINTS; i++) {
                endpoints[i] = endpoint("e" + i, receiver.url("/e" + i), false);
            }
            configure(1, endpoints);
            WorkflowJob job = j.createProject(WorkflowJob.class, "fan");
            // the build goes on after the step, so nothing Jenkins saves at the end of a build can count
            job.setDefinition(new CpsFlowDefinition("""
                    def r = dockerWebhook images: 'acme/app:1.0', waitSeconds: 300, failureMode: 'failure'
                    echo "STEP RETURNED ${r.size()}"
                    sleep time: 1, unit: 'HOURS'
                    """, true));

            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Sending " + ENDPOINTS + " deliveries", run);
            counting = true;
            j.waitForMessage("STEP RETURNED " + ENDPOINTS, run);
            counting = false;

            String xml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
            assertThat(count(xml, "<outcome>DELIVERED</outcome>")).as("results on disk").isEqualTo(ENDPOINTS);
            assertThat(xml).doesNotContain("<outcome>PENDING</outcome>");
            assertThat(run.getAction(DeliveriesAction.class).getDeliveredCount()).isEqualTo(ENDPOINTS);
            assertThat(receiver.requests()).hasSize(ENDPOINTS);
            assertThat(SAVES.get()).as("build.xml saved in batches, not once per delivery").isLessThan(ENDPOINTS);

            run.doStop();
            j.waitForCompletion(run);
        }
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Counts saves of build.xml of the "fan" job's builds while {@link #counting}. */
    @TestExtension("shouldHaveEveryResultInBuildXmlWhenTheStepReturnsWithFewerSavesThanDeliveries")
    public static final class SaveCounter extends SaveableListener {
        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (counting && o instanceof WorkflowRun run && run.getParent().getName().equals("fan")) {
                SAVES.incrementAndGet();
            }
        }
    }
}
