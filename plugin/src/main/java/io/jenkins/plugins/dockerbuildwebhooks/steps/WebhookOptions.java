package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.Util;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one notification asks for: which endpoints, where the images come from, payload profile,
 * pusher, failure mode and wait time. The post-build action and the Pipeline step both hold one
 * and expose its fields as their own, so the two cannot drift apart.
 */
public final class WebhookOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private String endpoints = "";
    private List<WebhookEndpoint> inlineEndpoints = new ArrayList<>();
    private String images = "";
    private String iidFile = "";
    private String metadataFile = "";
    private String digestFile = "";
    // added later: null in configurations saved before it existed, read as empty
    private String manifestFile = "";
    private boolean scanConsoleLog;
    private boolean includeDigest;
    private String payloadProfile = "";
    private String pusher = "";
    private String failureMode = FailureMode.DEFAULT.id();
    @CheckForNull
    private Integer waitSeconds;

    /** Ids of global endpoints, separated by commas or spaces; empty for all enabled ones (unless inline ones are given). */
    public String getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(String endpoints) {
        this.endpoints = Util.fixNull(endpoints).trim();
    }

    /** The ids in {@link #getEndpoints()}. */
    public List<String> endpointIds() {
        return split(endpoints);
    }

    public List<WebhookEndpoint> getInlineEndpoints() {
        return List.copyOf(inlineEndpoints);
    }

    public void setInlineEndpoints(List<WebhookEndpoint> inlineEndpoints) {
        this.inlineEndpoints = new ArrayList<>(Util.fixNull(inlineEndpoints));
    }

    /** Image references (repository:tag), separated by commas or spaces. */
    public String getImages() {
        return images;
    }

    public void setImages(String images) {
        this.images = Util.fixNull(images).trim();
    }

    public List<String> imageReferences() {
        return split(images);
    }

    /** Workspace-relative path of a {@code docker build --iidfile} output. */
    public String getIidFile() {
        return iidFile;
    }

    public void setIidFile(String iidFile) {
        this.iidFile = Util.fixNull(iidFile).trim();
    }

    /** Workspace-relative path of a {@code docker buildx build --metadata-file} output. */
    public String getMetadataFile() {
        return metadataFile;
    }

    public void setMetadataFile(String metadataFile) {
        this.metadataFile = Util.fixNull(metadataFile).trim();
    }

    /** Workspace-relative path of a {@code podman push --digestfile} output. */
    public String getDigestFile() {
        return digestFile;
    }

    public void setDigestFile(String digestFile) {
        this.digestFile = Util.fixNull(digestFile).trim();
    }

    /**
     * Workspace-relative path of a raw manifest or multi-platform index ({@code docker buildx
     * imagetools inspect --raw}): media type, size and platforms of the pushed digest.
     */
    public String getManifestFile() {
        return Util.fixNull(manifestFile);
    }

    public void setManifestFile(String manifestFile) {
        this.manifestFile = Util.fixNull(manifestFile).trim();
    }

    /** Scan the console log as well; it is scanned anyway when no other source is given. */
    public boolean isScanConsoleLog() {
        return scanConsoleLog;
    }

    /** Whether payloads carry {@code push_data.digest} (an extension Docker Hub never sent). */
    public boolean isIncludeDigest() {
        return includeDigest;
    }

    public void setIncludeDigest(boolean includeDigest) {
        this.includeDigest = includeDigest;
    }

    public void setScanConsoleLog(boolean scanConsoleLog) {
        this.scanConsoleLog = scanConsoleLog;
    }

    /**
     * Whether the console log is scanned: when asked, or when no other source is given. A manifest
     * file does not count: it describes a digest but names no image.
     */
    public boolean scansConsoleLog() {
        return scanConsoleLog || (images.isEmpty() && iidFile.isEmpty() && metadataFile.isEmpty() && digestFile.isEmpty());
    }

    /** A payload profile for every endpoint (each keeps its CDEvents spec and mode); empty for each endpoint's own. */
    public String getPayloadProfile() {
        return payloadProfile;
    }

    public void setPayloadProfile(String payloadProfile) {
        this.payloadProfile = Util.fixNull(payloadProfile).trim();
    }

    /** The payload's {@code push_data.pusher}; empty for the user who started the build. */
    public String getPusher() {
        return pusher;
    }

    public void setPusher(String pusher) {
        this.pusher = Util.fixNull(pusher).trim();
    }

    /** {@code never}, {@code unstable} or {@code failure}. */
    public String getFailureMode() {
        return failureMode;
    }

    public void setFailureMode(String failureMode) {
        String value = Util.fixEmptyAndTrim(failureMode);
        this.failureMode = value == null ? FailureMode.DEFAULT.id() : value;
    }

    /** Seconds the build waits for results; null for the global default. */
    @CheckForNull
    public Integer getWaitSeconds() {
        return waitSeconds;
    }

    public void setWaitSeconds(@CheckForNull Integer waitSeconds) {
        this.waitSeconds = waitSeconds == null || waitSeconds < 0 ? null : waitSeconds;
    }

    /**
     * A copy with build variables ({@code $BUILD_NUMBER}, {@code ${GIT_COMMIT}}) expanded in the
     * images, file paths and pusher: what freestyle users expect. Pipeline has Groovy strings for
     * that, so the step does not expand.
     */
    public WebhookOptions expand(EnvVars env) {
        WebhookOptions copy = new WebhookOptions();
        copy.endpoints = endpoints;
        copy.inlineEndpoints = new ArrayList<>(inlineEndpoints);
        copy.images = env.expand(images);
        copy.iidFile = env.expand(iidFile);
        copy.metadataFile = env.expand(metadataFile);
        copy.digestFile = env.expand(digestFile);
        copy.manifestFile = env.expand(getManifestFile());
        copy.scanConsoleLog = scanConsoleLog;
        copy.includeDigest = includeDigest;
        copy.payloadProfile = payloadProfile;
        copy.pusher = env.expand(pusher);
        copy.failureMode = failureMode;
        copy.waitSeconds = waitSeconds;
        return copy;
    }

    /** Distinct non-empty parts, in order. */
    private static List<String> split(String text) {
        Set<String> parts = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return new ArrayList<>(parts);
    }
}
