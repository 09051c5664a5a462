package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackParser;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a record keeps callback and redelivery facts while results come in, without Jenkins. */
class DeliveryRecordMergeTest {
    private static final CallbackReport REPORT = new CallbackParser().parse("application/json",
            "{\"state\":\"success\",\"description\":\"deployed\"}".getBytes(StandardCharsets.UTF_8));

    private static DeliveryRecord pending() {
        return DeliveryRecord.pending("msg_1", "hub", "https://hub.example.com/…", "acme/app:1.0", "{}");
    }

    private static DeliveryRecord delivered() {
        return delivered("msg_1");
    }

    private static DeliveryRecord delivered(String id) {
        return new DeliveryRecord(id, "hub", "https://hub.example.com/…", "acme/app:1.0", "DELIVERED", true, 200, "",
                List.of(new AttemptRecord(1, 0, 200, null, 12, "ok")), "{}");
    }

    @Test
    void shouldKeepACallbackThatCameBeforeTheResult() {
        DeliveryRecord stored = pending().withCallbackExpected(true).withCallback(REPORT);

        DeliveryRecord merged = stored.updatedBy(delivered());

        assertThat(merged.getOutcome()).isEqualTo("DELIVERED");
        assertThat(merged.getCallback()).isEqualTo(REPORT);
        assertThat(merged.isCallbackExpected()).isTrue();
    }

    @Test
    void shouldNeverGoBackToPending() {
        DeliveryRecord merged = delivered().updatedBy(pending().withCallbackExpected(true));

        assertThat(merged.getOutcome()).isEqualTo("DELIVERED");
        assertThat(merged.getAttempts()).hasSize(1);
        assertThat(merged.isCallbackExpected()).as("flags still merge").isTrue();
    }

    @Test
    void shouldPointARedeliveryToItsOriginalWithoutItsResultOrReport() {
        DeliveryRecord original = delivered().withCallbackExpected(true).withCallback(REPORT);

        DeliveryRecord again = original.redeliveredAs("msg_2");

        assertThat(again.getDeliveryId()).isEqualTo("msg_2");
        assertThat(again.getRedeliveryOf()).isEqualTo("msg_1");
        assertThat(again.isPending()).isTrue();
        assertThat(again.getCallback()).isNull();
        assertThat(again.isCallbackExpected()).isTrue();
        assertThat(again.getReference()).isEqualTo("acme/app:1.0");
        assertThat(again.updatedBy(delivered("msg_2")).getRedeliveryOf()).isEqualTo("msg_1");
    }

    @Test
    void shouldLeaveTheOriginalUnchangedWhenCopying() {
        DeliveryRecord original = pending();

        original.withCallback(REPORT);
        original.withCallbackExpected(true);

        assertThat(original.getCallback()).isNull();
        assertThat(original.isCallbackExpected()).isFalse();
    }
}
