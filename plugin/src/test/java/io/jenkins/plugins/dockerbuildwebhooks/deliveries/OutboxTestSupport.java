package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.model.Result;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** Set-up shared by the outbox, redelivery and callback tests. */
final class OutboxTestSupport {
    /** Long enough for a loaded two-core machine; tests poll, they never sleep for a fixed time. */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    private OutboxTestSupport() {}

    /** Global endpoint {@code id} to {@code url}; callbacks asked for when {@code callbacks}. */
    static WebhookEndpoint endpoint(String id, String url, boolean callbacks) {
        WebhookEndpoint e = new WebhookEndpoint(id);
        e.setUrl(url);
        e.setCallbacks(callbacks);
        return e;
    }

    /**
     * Sets the global endpoints with {@code maxAttempts} attempts per delivery and a per-attempt
     * timeout far above any test's duration (held requests must not time out on their own).
     */
    static void configure(int maxAttempts, WebhookEndpoint... endpoints) {
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        config.setEndpoints(List.of(endpoints));
        config.setMaxAttempts(maxAttempts);
        config.setTimeoutSeconds(600);
    }

    /** Runs a Pipeline job {@code name} with {@code script} and checks its result. */
    static WorkflowRun pipeline(JenkinsRule j, String name, String script, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = job.scheduleBuild2(0).get();
        j.assertBuildStatus(expected, run);
        return run;
    }

    /** The build's only delivery record. */
    static DeliveryRecord onlyRecord(WorkflowRun run) {
        List<DeliveryRecord> records = run.getAction(DeliveriesAction.class).getRecords();
        if (records.size() != 1) {
            throw new AssertionError("expected one delivery record but found " + records);
        }
        return records.get(0);
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@link #PATIENCE}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
