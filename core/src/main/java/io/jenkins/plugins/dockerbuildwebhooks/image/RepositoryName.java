package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.List;
import java.util.Objects;

/**
 * A fully qualified repository: registry domain plus path, as in {@code docker.io/library/nginx}
 * or {@code localhost:5000/team/app}. Built only by {@link ImageReference#parse}, so it always
 * holds a normalised, valid name.
 */
public final class RepositoryName implements Comparable<RepositoryName> {
    /** The registry Docker means when a name has no domain. */
    public static final String DOCKER_HUB = "docker.io";
    static final String OFFICIAL_NAMESPACE = "library";

    private final String domain;
    private final String path;

    RepositoryName(String domain, String path) {
        this.domain = domain;
        this.path = path;
    }

    /**
     * Parses a repository name without tag or digest.
     *
     * @throws InvalidReferenceException when the text is not a repository name
     */
    public static RepositoryName parse(String text) {
        ImageReference reference = ImageReference.parse(text);
        if (reference.explicitTag().isPresent() || reference.digest().isPresent()) {
            throw new InvalidReferenceException("repository name", text, "must not carry a tag or digest");
        }
        return reference.repository();
    }

    /** Registry host with optional port: {@code docker.io}, {@code localhost:5000}. */
    public String domain() {
        return domain;
    }

    /** Path inside the registry: {@code library/nginx}, {@code team/app}. */
    public String path() {
        return path;
    }

    /** Whether the image lives on Docker Hub. */
    public boolean isDockerHub() {
        return DOCKER_HUB.equals(domain);
    }

    /** Whether this is a Docker Hub official image ({@code docker.io/library/...}). */
    public boolean isOfficial() {
        return isDockerHub() && path.startsWith(OFFICIAL_NAMESPACE + "/") && path.indexOf('/') == path.lastIndexOf('/');
    }

    /** Path components, first to last. */
    public List<String> pathComponents() {
        return List.of(path.split("/"));
    }

    /** {@code domain/path}: the canonical, fully qualified name. */
    public String fullName() {
        return domain + "/" + path;
    }

    /**
     * The name as {@code docker images} shows it: {@code docker.io/library/} and {@code docker.io/}
     * dropped, other registries kept.
     */
    public String familiarName() {
        if (!isDockerHub()) {
            return fullName();
        }
        if (isOfficial()) {
            return path.substring(OFFICIAL_NAMESPACE.length() + 1);
        }
        String first = path.substring(0, path.indexOf('/'));
        if (first.equals("localhost") || first.indexOf('.') >= 0) {
            // "docker.io/a.b/app" shortened to "a.b/app" would name the registry a.b
            return fullName();
        }
        return path;
    }

    @Override
    public int compareTo(RepositoryName o) {
        return fullName().compareTo(o.fullName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RepositoryName r && r.domain.equals(domain) && r.path.equals(path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, path);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
