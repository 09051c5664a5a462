package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;

/**
 * One Docker Hub webhook payload: one pushed repository:tag.
 *
 * @param reference the repository:tag it reports, fully qualified
 * @param callbackUrl where a receiver may report back; empty when there is none
 */
public record Payload(ImageReference reference, String callbackUrl, PushData pushData, RepositoryInfo repository) {}
