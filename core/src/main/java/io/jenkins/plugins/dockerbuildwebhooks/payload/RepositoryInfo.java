package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.time.Instant;

/** The payload's {@code repository} object; see docs/payload.md for how each field is derived. */
public record RepositoryInfo(
        long commentCount,
        Instant dateCreated,
        String description,
        String dockerfile,
        String fullDescription,
        boolean isOfficial,
        boolean isPrivate,
        boolean isTrusted,
        String name,
        String namespace,
        String owner,
        String repoName,
        String repoUrl,
        long starCount,
        String status) {}
