package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

/**
 * How long a connection may keep the server waiting.
 *
 * @param readMillis longest wait for any one read (a silent client, an idle kept-alive connection)
 * @param headMillis longest time from the start of waiting for a request until its head is complete,
 *     so a client that sends its head one byte at a time cannot hold a connection for ever
 */
record Timeouts(int readMillis, int headMillis) {
    static final Timeouts DEFAULT = new Timeouts(30_000, 30_000);
}
