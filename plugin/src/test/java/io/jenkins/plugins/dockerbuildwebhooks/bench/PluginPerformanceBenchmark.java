package io.jenkins.plugins.dockerbuildwebhooks.bench;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryOutbox;
import io.jenkins.plugins.dockerbuildwebhooks.steps.DockerWebhookPublisher;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin's figures in a real Jenkins (docs/performance.md): not a test — it asserts nothing
 * about time and is not in the default run (its name does not end in Test). Run it with
 * {@code mvn -o -Pjenkins -pl plugin verify -Dtest=PluginPerformanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * it prints one line per figure, starting with "BENCH".
 */
@WithJenkins
class PluginPerformanceBenchmark {
    private static final int RUNS = 5;

    private static void print(String line) {
        System.out.println("BENCH " + line);
    }

    private static List<WebhookEndpoint> endpoints(SlowReceiver receiver, int count) {
        List<WebhookEndpoint> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebhookEndpoint e = Fixtures.endpoint("e" + i, receiver.url("/e" + i));
            e.setSignatureScheme("none");
            list.add(e);
        }
        return list;
    }

    /** A freestyle job whose last build step notes when it ended, and the post-build action. */
    private static FreeStyleProject project(JenkinsRule j, String name, AtomicLong stepEnd) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject(name);
        p.getBuildersList().add(TestBuilder.of((build, launcher, listener) -> stepEnd.set(System.nanoTime())));
        DockerWebhookPublisher publisher = new DockerWebhookPublisher();
        publisher.setImages("localhost:5000/acme/app:1.0");
        publisher.setFailureMode("never");
        p.getPublishersList().add(publisher);
        return p;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void postBuildActionTimeAgainstEndpointsAnswering200msLater(JenkinsRule j) throws Exception {
        try (SlowReceiver receiver = new SlowReceiver(200, 200)) {
            for (int count : new int[] {1, 10, 50}) {
                DockerBuildWebhooksConfiguration config = Fixtures.globalEndpoints(
                        endpoints(receiver, count).toArray(WebhookEndpoint[]::new));
                config.setWaitSeconds(120);
                AtomicLong stepEnd = new AtomicLong();
                FreeStyleProject p = project(j, "fanout-" + count, stepEnd);
                j.buildAndAssertSuccess(p); // warm-up
                long[] millis = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    FreeStyleBuild b = j.buildAndAssertSuccess(p);
                    long end = System.nanoTime();
                    millis[i] = (end - stepEnd.get()) / 1_000_000;
                    if (b.getAction(io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveriesAction.class)
                            .getDeliveredCount() != count) {
                        throw new AssertionError("not every delivery arrived: " + String.join("\n", b.getLog(50)));
                    }
                }
                print("post-build action, " + count + " endpoints answering after 200 ms: median " + median(millis)
                        + " ms, min " + Arrays.stream(millis).min().getAsLong() + ", max "
                        + Arrays.stream(millis).max().getAsLong() + " (" + RUNS + " builds)");
            }
        }
    }

    @Test
    void retriesDoNotHoldTheExecutor(JenkinsRule j) throws Exception {
        try (SlowReceiver failing = new SlowReceiver(200, 503)) {
            DockerBuildWebhooksConfiguration config = Fixtures.globalEndpoints(endpoints(failing, 1).toArray(WebhookEndpoint[]::new));
            config.setMaxAttempts(5);
            config.setWaitSeconds(0);
            AtomicLong stepEnd = new AtomicLong();
            FreeStyleProject p = project(j, "retrying", stepEnd);
            long[] millis = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                j.assertBuildStatus(Result.SUCCESS, p.scheduleBuild2(0));
                millis[i] = (System.nanoTime() - stepEnd.get()) / 1_000_000;
            }
            print("post-build action, 1 endpoint answering 503 (5 attempts, wait time 0): median " + median(millis)
                    + " ms; retries left to the outbox: " + DeliveryOutbox.get().pendingCount());
        }
    }

    @Test
    void scanningA100MegabyteConsoleLog(JenkinsRule j, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path log = dir.resolve("big.log");
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String noise = "#12 [build 3/9] RUN make -j2 all  compiling module with a fairly long line of output text\n";
            long written = 0;
            while (written < 100L * 1024 * 1024) {
                w.write(noise);
                written += noise.length();
            }
            w.write("The push refers to repository [localhost:5000/acme/app]\n");
            w.write("1.0: digest: sha256:" + "ab".repeat(32) + " size: 524\n");
        }
        try (SlowReceiver receiver = new SlowReceiver(0, 200)) {
            Fixtures.globalEndpoints(endpoints(receiver, 1).toArray(WebhookEndpoint[]::new));
            WorkflowJob job = j.createProject(WorkflowJob.class, "scan");
            job.setDefinition(new CpsFlowDefinition("""
                    node {
                      sh 'cat "%s"'
                      long t0 = System.nanoTime()
                      def r = dockerWebhook scanConsoleLog: true, failureMode: 'failure'
                      echo "SCANNED ${r.size()} in ${(System.nanoTime() - t0).intdiv(1000000)} ms"
                    }
                    """.formatted(log), false));
            for (int i = 0; i < 3; i++) {
                WorkflowRun run = j.buildAndAssertSuccess(job);
                String line = run.getLog(200).stream().filter(l -> l.contains("SCANNED ")).findFirst().orElseThrow();
                print("dockerWebhook scanConsoleLog over a " + Files.size(log) / (1024 * 1024) + " MiB console log: "
                        + line.substring(line.indexOf("SCANNED ")));
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void controllerHeapPer10000OutboxEntries(JenkinsRule j) throws Exception {
        try (SlowReceiver receiver = new SlowReceiver(0, 200)) {
            Fixtures.globalEndpoints(endpoints(receiver, 1).toArray(WebhookEndpoint[]::new));
            StringBuilder images = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                images.append("localhost:5000/acme/app:").append(i).append(' ');
            }
            FreeStyleProject p = j.createFreeStyleProject("many");
            DockerWebhookPublisher publisher = new DockerWebhookPublisher();
            publisher.setImages(images.toString().strip());
            publisher.setFailureMode("never");
            p.getPublishersList().add(publisher);
            j.buildAndAssertSuccess(p); // warm-up: the outbox and its classes are loaded
            long before = usedHeapAfterGc();
            for (int i = 0; i < 100; i++) {
                j.buildAndAssertSuccess(p);
            }
            long after = usedHeapAfterGc();
            print("heap after 10,000 outbox entries (100 builds x 100 tags, delivered): +"
                    + (after - before) / 1024 + " KiB over " + before / (1024 * 1024) + " MiB; requests "
                    + receiver.requests.get());
        }
    }

    @Test
    void threadsUnderFiftyConcurrentBuilds(JenkinsRule j) throws Exception {
        j.jenkins.setNumExecutors(50);
        try (SlowReceiver receiver = new SlowReceiver(200, 200)) {
            Fixtures.globalEndpoints(endpoints(receiver, 1).toArray(WebhookEndpoint[]::new));
            List<FreeStyleProject> projects = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                projects.add(project(j, "c" + i, new AtomicLong()));
            }
            j.buildAndAssertSuccess(projects.get(0)); // warm-up
            Set<Long> before = new java.util.HashSet<>();
            Thread.getAllStackTraces().keySet().forEach(t -> before.add(t.getId()));
            int peak = before.size();
            java.util.Map<Long, String> created = new java.util.HashMap<>();
            List<Future<FreeStyleBuild>> builds = new ArrayList<>();
            for (FreeStyleProject p : projects) {
                builds.add(p.scheduleBuild2(0));
            }
            while (builds.stream().anyMatch(f -> !f.isDone())) {
                Set<Thread> now = Thread.getAllStackTraces().keySet();
                peak = Math.max(peak, now.size());
                for (Thread t : now) {
                    if (!before.contains(t.getId())) {
                        created.putIfAbsent(t.getId(), t.getName().replaceAll("\\d+", "#"));
                    }
                }
                Thread.sleep(20);
            }
            for (Future<FreeStyleBuild> f : builds) {
                j.assertBuildStatusSuccess(f.get());
            }
            java.util.Map<String, Long> byName = new java.util.TreeMap<>();
            created.values().forEach(n -> byName.merge(n, 1L, Long::sum));
            print("50 concurrent builds: " + before.size() + " threads before, peak " + peak + "; threads created "
                    + created.size() + " by name: " + byName);
        }
    }
}
