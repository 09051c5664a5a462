package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gathers what the build produced from the sources a notification names: image references given
 * as parameters, tool output files in the agent's workspace (read through {@link FilePath}, so
 * remote agents stream them to the controller) and the console log (streamed, never loaded whole).
 * Parsing is core's; this class only fetches bytes and names their source in errors.
 */
public final class ImageSourceReader {
    /** Larger tool output files are refused: an iidfile is 71 bytes, a metadata file a few kB. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final Run<?, ?> run;
    @CheckForNull
    private final FilePath workspace;

    public ImageSourceReader(Run<?, ?> run, @CheckForNull FilePath workspace) {
        this.run = run;
        this.workspace = workspace;
    }

    /** The images, one per repository; empty when the sources name none. */
    public List<BuiltImage> read(WebhookOptions options, TaskListener listener) throws IOException, InterruptedException {
        ImageId imageId = null;
        if (!options.getIidFile().isEmpty()) {
            String text = readText(options.getIidFile(), "iidFile").trim();
            try {
                imageId = ImageId.parse(text);
            } catch (IllegalArgumentException e) {
                throw new AbortException("iidFile " + options.getIidFile() + " holds no image ID: " + e.getMessage());
            }
            if (!imageId.isComplete()) {
                throw new AbortException("iidFile " + options.getIidFile() + " holds a short image ID; it must have all 64 hex digits");
            }
        }
        Digest digest = null;
        if (!options.getDigestFile().isEmpty()) {
            String text = readText(options.getDigestFile(), "digestFile").trim();
            if (!Digest.isValid(text)) {
                throw new AbortException("digestFile " + options.getDigestFile() + " holds no sha256 digest");
            }
            digest = Digest.parse(text);
        }
        Map<RepositoryName, TreeSet<String>> tags = new LinkedHashMap<>();
        for (String text : options.imageReferences()) {
            try {
                ImageReference ref = ImageReference.parse(text);
                tags.computeIfAbsent(ref.repository(), r -> new TreeSet<>()).add(ref.tag());
            } catch (InvalidReferenceException e) {
                throw new AbortException("images: " + e.getMessage());
            }
        }
        if (options.scansConsoleLog() && tags.isEmpty()) {
            throw new AbortException("No image source given: name images, iidFile, metadataFile or digestFile");
        }
        List<BuiltImage> built = new ArrayList<>();
        for (Map.Entry<RepositoryName, TreeSet<String>> e : tags.entrySet()) {
            built.add(new BuiltImage(e.getKey(), e.getValue(), imageId, digest));
        }
        return built;
    }

    /** A workspace file's text; the error names the parameter and the path. */
    private String readText(String path, String parameter) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(parameter + " " + path + " needs a workspace: call dockerWebhook inside node { }");
        }
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            throw new AbortException(parameter + " " + path + " does not exist in the workspace " + workspace.getRemote());
        }
        if (file.length() > MAX_FILE_BYTES) {
            throw new AbortException(parameter + " " + path + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try (InputStream in = file.read()) {
            return new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8);
        }
    }
}
