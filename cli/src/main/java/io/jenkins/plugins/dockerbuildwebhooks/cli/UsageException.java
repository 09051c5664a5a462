package io.jenkins.plugins.dockerbuildwebhooks.cli;

/** Bad usage or input the person can fix; printed as one line, exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
