package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;

/**
 * The naming fields of a payload's {@code repository}, derived from a repository name.
 *
 * <p>Docker Hub: {@code repo_name} is {@code namespace/name} ({@code library/nginx} for official
 * images). Other registries: {@code repo_name} keeps the registry ({@code localhost:5000/team/app})
 * so that receivers that pull or match by {@code repo_name} (keel, argocd-image-updater,
 * dockerhub-notification) find the right image; {@code namespace} is everything before the last
 * component, so {@code namespace + "/" + name} is always {@code repo_name}.
 */
record RepositoryNames(String repoName, String namespace, String name, String owner, String repoUrl) {

    static RepositoryNames of(RepositoryName repository) {
        String path = repository.path();
        int lastSlash = path.lastIndexOf('/');
        String name = path.substring(lastSlash + 1);
        if (repository.isDockerHub()) {
            String namespace = path.substring(0, lastSlash);
            String repoUrl = repository.isOfficial()
                    ? "https://hub.docker.com/_/" + name
                    : "https://hub.docker.com/r/" + path;
            return new RepositoryNames(path, namespace, name, namespace.split("/")[0], repoUrl);
        }
        String repoName = repository.fullName();
        String namespace = repoName.substring(0, repoName.lastIndexOf('/'));
        String owner = lastSlash < 0 ? repository.domain() : path.substring(0, path.indexOf('/'));
        String scheme = isLocal(repository.domain()) ? "http://" : "https://";
        return new RepositoryNames(repoName, namespace, name, owner, scheme + repoName);
    }

    /** Registries on loopback speak plain HTTP (Docker treats them as insecure registries). */
    static boolean isLocal(String domain) {
        String host = domain.startsWith("[") ? domain.substring(0, domain.indexOf(']') + 1)
                : domain.contains(":") ? domain.substring(0, domain.indexOf(':')) : domain;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
