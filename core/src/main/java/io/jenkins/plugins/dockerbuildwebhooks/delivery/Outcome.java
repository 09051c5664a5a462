package io.jenkins.plugins.dockerbuildwebhooks.delivery;

/** How a delivery ended. */
public enum Outcome {
    /** A 2xx answer. */
    DELIVERED(true),
    /** A 3xx answer: not followed (redirects are never followed), counted as delivered. */
    DELIVERED_REDIRECT(true),
    /** A 4xx other than 410, or retries used up on 408/425/429/5xx, timeouts or connection errors. */
    FAILED(false),
    /** 410 Gone: the receiver says this endpoint is gone; callers should stop sending to it. */
    GONE(false),
    /** The address policy refused the target: no packet was sent. */
    BLOCKED(false),
    /** Not finished: only seen in a journal of a process that stopped before the outcome. */
    PENDING(false);

    private final boolean success;

    Outcome(boolean success) {
        this.success = success;
    }

    /** Whether the receiver accepted the delivery. */
    public boolean success() {
        return success;
    }
}
