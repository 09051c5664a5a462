package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerbuildwebhooks.extract.CollectedImages;
import io.jenkins.plugins.dockerbuildwebhooks.extract.ImageCollector;
import io.jenkins.plugins.dockerbuildwebhooks.extract.Note;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what the build produced from the sources a notification names: image references given
 * as parameters, tool output files in the agent's workspace (read through {@link FilePath}, so
 * remote agents stream them to the controller) and the console log (streamed, never loaded whole).
 * Parsing and merging are core's ({@link ImageCollector}); this class only opens the streams and
 * names their sources, so errors say which parameter and file were wrong.
 */
public final class ImageSourceReader {
    private final Run<?, ?> run;
    @CheckForNull
    private final FilePath workspace;

    public ImageSourceReader(Run<?, ?> run, @CheckForNull FilePath workspace) {
        this.run = run;
        this.workspace = workspace;
    }

    /** The images, one per repository; notes (conflicts, facts set aside) go to {@code listener}. */
    public List<BuiltImage> read(WebhookOptions options, TaskListener listener) throws IOException, InterruptedException {
        ImageCollector collector = new ImageCollector();
        try {
            List<ImageReference> references = new ArrayList<>();
            for (String text : options.imageReferences()) {
                references.add(ImageReference.parse(text));
            }
            collector.images(references, "images parameter");
            if (!options.getIidFile().isEmpty()) {
                try (InputStream in = open(options.getIidFile(), "iidFile")) {
                    collector.iidFile(in, "iidFile " + options.getIidFile());
                }
            }
            if (!options.getMetadataFile().isEmpty()) {
                try (InputStream in = open(options.getMetadataFile(), "metadataFile")) {
                    collector.metadataFile(in, "metadataFile " + options.getMetadataFile());
                }
            }
            if (!options.getDigestFile().isEmpty()) {
                try (InputStream in = open(options.getDigestFile(), "digestFile")) {
                    collector.digestFile(in, "digestFile " + options.getDigestFile());
                }
            }
            if (!options.getManifestFile().isEmpty()) {
                try (InputStream in = open(options.getManifestFile(), "manifestFile")) {
                    collector.manifestFile(in, "manifestFile " + options.getManifestFile());
                }
            }
            if (options.scansConsoleLog()) {
                try (InputStream log = run.getLogInputStream()) {
                    collector.log(log, "console log");
                }
            }
        } catch (IllegalArgumentException e) {
            // bad input (InvalidReferenceException, BadSourceException): the message names the source
            throw new AbortException(e.getMessage());
        }
        CollectedImages collected = collector.result();
        for (Note note : collected.notes()) {
            listener.getLogger().println("[Docker webhooks] " + note.kind() + ": " + note.message());
        }
        return collected.images();
    }

    /** A workspace file, streamed from the agent; the error names the parameter and the path. */
    private InputStream open(String path, String parameter) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(parameter + " " + path + " needs a workspace: call dockerWebhook inside node { }");
        }
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            throw new AbortException(parameter + " " + path + " does not exist in the workspace " + workspace.getRemote());
        }
        return file.read();
    }
}
