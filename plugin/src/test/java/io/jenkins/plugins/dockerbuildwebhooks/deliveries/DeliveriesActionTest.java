package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Run;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackParser;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class DeliveriesActionTest {

    private static DeliveryRecord delivered(String id) {
        return new DeliveryRecord(id, "hub", "https://hooks.example.com/…", "acme/app:1.0", "DELIVERED", true, 200, "",
                List.of(new AttemptRecord(1, 1_700_000_000_000L, 503, "", 15, "busy"),
                        new AttemptRecord(2, 1_700_000_001_000L, 200, "", 12, "ok")),
                "{\"callback_url\":\"\"}");
    }

    @Test
    void shouldKeepRecordsAcrossSavingAndLoadingTheBuild(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        FreeStyleBuild build = j.buildAndAssertSuccess(p);
        // a callback report is a core class: Jenkins' class filter must let it into build.xml and back
        CallbackReport report = new CallbackParser().parse("application/json",
                "{\"state\":\"success\",\"description\":\"rolled out\"}".getBytes(StandardCharsets.UTF_8));
        DeliveriesAction.of(build).addAll(List.of(delivered("msg_1").withCallback(report), DeliveryRecord.pending("msg_2",
                "keel", "https://keel.example.com/…", "acme/app:1.0", "{}")));

        String xml = Run.XSTREAM2.toXML(build.getAction(DeliveriesAction.class));
        DeliveriesAction loaded = (DeliveriesAction) Run.XSTREAM2.fromXML(xml);

        assertThat(loaded.getRecords()).extracting(DeliveryRecord::getDeliveryId, DeliveryRecord::getOutcome)
                .containsExactly(tuple("msg_1", "DELIVERED"),
                        tuple("msg_2", "PENDING"));
        assertThat(loaded.getRecords().get(0).getAttempts()).extracting(AttemptRecord::getSummary).containsExactly("503", "200");
        assertThat(loaded.getRecords().get(0).getCallback()).isEqualTo(report);
        assertThat(loaded.getDeliveredCount()).isEqualTo(1);
        assertThat(loaded.getPendingCount()).isEqualTo(1);
    }

    @Test
    void shouldReplaceAPendingRecordWhenTheDeliveryFinishes(JenkinsRule j) throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(j.createFreeStyleProject());
        DeliveriesAction action = DeliveriesAction.of(build);
        action.addAll(List.of(DeliveryRecord.pending("msg_1", "hub", "https://hooks.example.com/…", "acme/app:1.0", "{}")));

        action.update(delivered("msg_1"));

        assertThat(action.getRecords()).singleElement().extracting(DeliveryRecord::getOutcome).isEqualTo("DELIVERED");
        assertThat(DeliveriesAction.of(build)).isSameAs(action);
    }

    private static final java.util.concurrent.atomic.AtomicInteger SAVES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * With the outbox the records are saved before the step records them again: a merge that
     * changes nothing must not rewrite build.xml, one that changes anything must.
     */
    @Test
    void shouldSaveTheBuildOnlyWhenARecordChanges(JenkinsRule j) throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(j.createFreeStyleProject());
        DeliveriesAction action = DeliveriesAction.of(build);
        action.addAll(List.of(delivered("msg_1").withCallbackExpected(true)));
        SAVES.set(0);

        action.addAll(List.of(delivered("msg_1")));
        action.update(delivered("msg_1").withCallbackExpected(true));
        assertThat(SAVES.get()).as("the same record again").isZero();

        action.addAll(List.of(DeliveryRecord.pending("msg_1", "hub", "https://hooks.example.com/…", "acme/app:1.0", "{}")));
        assertThat(SAVES.get()).as("a late pending view does not replace a result").isZero();

        action.addAll(List.of(delivered("msg_1"), delivered("msg_2")));
        assertThat(SAVES.get()).as("a new record").isEqualTo(1);
        action.update(new DeliveryRecord("msg_2", "hub", "https://hooks.example.com/…", "acme/app:1.0", "FAILED", false,
                500, "HTTP 500", List.of(), "{}"));
        assertThat(SAVES.get()).as("a changed record").isEqualTo(2);
        assertThat(action.getRecords()).extracting(DeliveryRecord::getOutcome).containsExactly("DELIVERED", "FAILED");
        assertThat(action.getRecords().get(0).isCallbackExpected()).isTrue();
    }

    /** Counts saves of builds while {@link #shouldSaveTheBuildOnlyWhenARecordChanges} runs. */
    @org.jvnet.hudson.test.TestExtension("shouldSaveTheBuildOnlyWhenARecordChanges")
    public static final class SaveCounter extends hudson.model.listeners.SaveableListener {
        @Override
        public void onChange(hudson.model.Saveable o, hudson.XmlFile file) {
            if (o instanceof Run<?, ?>) {
                SAVES.incrementAndGet();
            }
        }
    }
}
