package io.jenkins.plugins.dockerbuildwebhooks.extract;

/** A {@code docker push} whose output is being read: its repository and whether it printed a digest. */
final class PushInProgress {
    final String repository;
    int digests;
    /** The first line that was neither layer progress nor a digest: the error, when the push failed. */
    String message;

    PushInProgress(String repository) {
        this.repository = repository;
    }

    void failure(String line) {
        if (message == null) {
            message = line;
        }
    }
}
