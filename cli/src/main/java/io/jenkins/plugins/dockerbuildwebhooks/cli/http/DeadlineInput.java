package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/** A socket's input with an optional deadline: a read after it fails as a timeout. */
final class DeadlineInput extends FilterInputStream {
    private long deadline = Long.MAX_VALUE;

    DeadlineInput(InputStream in) {
        super(in);
    }

    /** From now on, reads fail once {@code millis} have passed. */
    void startDeadline(int millis) {
        deadline = System.nanoTime() + millis * 1_000_000L;
    }

    void clearDeadline() {
        deadline = Long.MAX_VALUE;
    }

    @Override
    public int read() throws IOException {
        check();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
    }

    private void check() throws SocketTimeoutException {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            throw new SocketTimeoutException("the request head took too long");
        }
    }
}
