package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.util.List;

/**
 * How one delivery went: what the CLI prints and the Jenkins plugin records. Never holds a secret
 * or a full URL.
 *
 * @param endpointId the endpoint's id
 * @param maskedUrl the endpoint's masked URL
 * @param deliveryId the {@code webhook-id}
 * @param outcome how it ended
 * @param status the last HTTP status, 0 if none
 * @param attempts every attempt, in order
 * @param message a one-line explanation (the last error, the blocking rule, the redirect target's host)
 */
public record DeliveryResult(String endpointId, String maskedUrl, String deliveryId, Outcome outcome, int status,
        List<Attempt> attempts, String message) {

    public DeliveryResult {
        attempts = List.copyOf(attempts);
        message = message == null ? "" : message;
    }

    /** The last attempt's response excerpt, or empty. */
    public String responseExcerpt() {
        return attempts.isEmpty() ? "" : attempts.get(attempts.size() - 1).excerpt();
    }

    public boolean success() {
        return outcome.success();
    }
}
