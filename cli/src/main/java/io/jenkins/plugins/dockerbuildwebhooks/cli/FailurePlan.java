package io.jenkins.plugins.dockerbuildwebhooks.cli;

/**
 * Decides the status code of each request: the first {@code failFirst} attempts of each
 * {@code webhook-id} get 503 (so a sender's retries can be rehearsed: its later attempts of the
 * same delivery succeed), requests without a {@code webhook-id} count together; every other
 * request gets {@code status}.
 */
final class FailurePlan {
    static final int FAILURE_STATUS = 503;

    private final int status;
    private final int failFirst;
    private int anonymousRequests;

    FailurePlan(int status, int failFirst) {
        this.status = status;
        this.failFirst = failFirst;
    }

    /**
     * @param attempt which request of its webhook-id this is (1 for the first), or 0 without an id
     */
    synchronized int statusFor(int attempt) {
        int n = attempt;
        if (attempt == 0) {
            n = ++anonymousRequests;
        }
        return n <= failFirst ? FAILURE_STATUS : status;
    }
}
