package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.RequestVerifier;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code receive} behaves; built from its options.
 *
 * @param bind address to listen on
 * @param port port, 0 for any free one
 * @param maxBody largest body accepted, in bytes
 * @param keep deliveries kept for the page and the API
 * @param keepBytes bytes of kept deliveries at most
 * @param status status code for accepted requests
 * @param delay wait before answering
 * @param failFirst answer 503 to the first N requests of each webhook-id (of all requests without one)
 * @param callbackState null, or the state to post to each payload's callback_url
 * @param dir null, or where each body is stored
 * @param verifier signature checks
 */
record ReceiverSettings(
        String bind,
        int port,
        int maxBody,
        int keep,
        long keepBytes,
        int status,
        Duration delay,
        int failFirst,
        CallbackState callbackState,
        Path dir,
        RequestVerifier verifier) {

    static final int DEFAULT_MAX_BODY = 1024 * 1024;
    static final int DEFAULT_KEEP = 200;
    static final long DEFAULT_KEEP_BYTES = 64L * 1024 * 1024;

    /** Defaults on an ephemeral loopback port, for tests. */
    static ReceiverSettings loopbackDefaults() {
        return new ReceiverSettings("127.0.0.1", 0, DEFAULT_MAX_BODY, DEFAULT_KEEP, DEFAULT_KEEP_BYTES, 200,
                Duration.ZERO, 0, null, null, RequestVerifier.withoutSecret());
    }

    ReceiverSettings withPort(int newPort) {
        return new ReceiverSettings(bind, newPort, maxBody, keep, keepBytes, status, delay, failFirst, callbackState, dir,
                verifier);
    }

    ReceiverSettings withVerifier(RequestVerifier v) {
        return new ReceiverSettings(bind, port, maxBody, keep, keepBytes, status, delay, failFirst, callbackState, dir, v);
    }

    ReceiverSettings withResponses(int newStatus, Duration newDelay, int newFailFirst) {
        return new ReceiverSettings(bind, port, maxBody, keep, keepBytes, newStatus, newDelay, newFailFirst,
                callbackState, dir, verifier);
    }

    ReceiverSettings withLimits(int newMaxBody, int newKeep, long newKeepBytes) {
        return new ReceiverSettings(bind, port, newMaxBody, newKeep, newKeepBytes, status, delay, failFirst,
                callbackState, dir, verifier);
    }

    ReceiverSettings withCallback(CallbackState state) {
        return new ReceiverSettings(bind, port, maxBody, keep, keepBytes, status, delay, failFirst, state, dir, verifier);
    }

    ReceiverSettings withDir(Path newDir) {
        return new ReceiverSettings(bind, port, maxBody, keep, keepBytes, status, delay, failFirst, callbackState,
                newDir, verifier);
    }
}
