package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.receiver.PayloadSummary;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as {@code receive} recorded it, with what it concluded about it.
 *
 * @param seq 1, 2, 3 … in arrival order
 * @param change the log's change number when this record was last written (for polling)
 * @param receivedAt when the request's headers arrived
 * @param method HTTP method
 * @param path path and query as sent
 * @param remote the client's address
 * @param headers every header line in arrival order, names as the client sent them
 * @param body the body bytes; empty when the body was refused as too large
 * @param bodySize bytes received (for a refused body: the bytes seen before refusing)
 * @param bodyTooLarge whether the body exceeded {@code --max-body}
 * @param summary the Docker Hub fields
 * @param format which of the four formats it is, its key fields and problems, the CDEvent schema verdict
 * @param checks signature checks, Standard Webhooks first
 * @param webhookId the {@code webhook-id} header or null
 * @param firstSeq for a repeated {@code webhook-id}: the sequence number of its first request, else 0
 * @param attempt how many requests carried this {@code webhook-id} so far (1 for the first)
 * @param status the status code {@code receive} answered with
 * @param storedAs file name under {@code --dir}, or null
 * @param callback what happened to the callback, or null when none was sent
 */
record ReceivedDelivery(
        long seq,
        long change,
        Instant receivedAt,
        String method,
        String path,
        String remote,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        long bodySize,
        boolean bodyTooLarge,
        PayloadSummary summary,
        FormatReport format,
        List<SignatureCheck> checks,
        String webhookId,
        long firstSeq,
        int attempt,
        int status,
        String storedAs,
        String callback) {

    ReceivedDelivery {
        headers = List.copyOf(headers);
        checks = List.copyOf(checks);
    }

    boolean duplicate() {
        return firstSeq != 0;
    }

    boolean signatureInvalid() {
        return checks.stream().anyMatch(c -> c.outcome() == SignatureCheck.Outcome.INVALID);
    }

    /** Bytes this record keeps in memory, for the log's byte budget. */
    long retainedBytes() {
        long bytes = body.length + 512L;
        for (Map.Entry<String, String> h : headers) {
            bytes += 2L * (h.getKey().length() + h.getValue().length()) + 32;
        }
        return bytes;
    }

    ReceivedDelivery withCallback(String outcome, long newChange) {
        return new ReceivedDelivery(seq, newChange, receivedAt, method, path, remote, headers, body, bodySize,
                bodyTooLarge, summary, format, checks, webhookId, firstSeq, attempt, status, storedAs, outcome);
    }
}
