package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Attempt;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import java.util.List;

/** Turns a core {@link DeliveryResult} into the record a build keeps. */
final class DeliveryRecords {
    private DeliveryRecords() {}

    /** {@code record} (reference, masked payload, URL) with the outcome and attempts of {@code result}. */
    static DeliveryRecord withResult(DeliveryRecord record, DeliveryResult result) {
        List<AttemptRecord> attempts = result.attempts().stream().map(DeliveryRecords::attempt).toList();
        String maskedUrl = result.maskedUrl().isEmpty() ? record.getMaskedUrl() : result.maskedUrl();
        return new DeliveryRecord(record.getDeliveryId(), record.getEndpointId(), maskedUrl, record.getReference(),
                result.outcome().name(), result.success(), result.status(), result.message(), attempts,
                record.getPayload());
    }

    private static AttemptRecord attempt(Attempt a) {
        return new AttemptRecord(a.number(), a.startedAt().toEpochMilli(), a.status(), a.error(), a.latency().toMillis(),
                a.excerpt());
    }
}
