package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.extract.CollectedImages;
import io.jenkins.plugins.dockerbuildwebhooks.extract.ImageInputs;
import io.jenkins.plugins.dockerbuildwebhooks.extract.Note;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The image source options shared by {@code images}, {@code payload} and {@code send}: where to
 * learn which images a build produced. Everything goes through core's {@code ImageCollector}.
 */
final class ImageSources {

    @Option(names = "--log", paramLabel = "FILE",
            description = "Build or push output (docker, BuildKit, buildx, podman, buildah; stdout and stderr in any "
                    + "order); repeatable; - reads standard input.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--iidfile", paramLabel = "FILE", description = "A file written by build --iidfile; repeatable.")
    List<Path> iidFiles = new ArrayList<>();

    @Option(names = "--metadata-file", paramLabel = "FILE",
            description = "A file written by docker buildx build / buildctl --metadata-file; repeatable.")
    List<Path> metadataFiles = new ArrayList<>();

    @Option(names = "--digestfile", paramLabel = "FILE",
            description = "A file written by podman/buildah push --digestfile (name the image with --image); repeatable.")
    List<Path> digestFiles = new ArrayList<>();

    @Option(names = "--inspect", paramLabel = "FILE",
            description = "JSON printed by docker inspect, podman inspect or buildah inspect; repeatable.")
    List<Path> inspectFiles = new ArrayList<>();

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "A manifest or multi-platform index exactly as the registry holds it (docker buildx imagetools "
                    + "inspect --raw REF > FILE); gives media type, size and per-platform manifests; repeatable.")
    List<Path> manifestFiles = new ArrayList<>();

    @Option(names = "--image", paramLabel = "REF",
            description = "Image reference [registry[:port]/]path[:tag][@digest]; repeatable. A tag-less reference "
                    + "means :latest. Names the image that nameless sources (--iidfile, --digestfile, a quiet build) "
                    + "describe.")
    List<String> images = new ArrayList<>();

    @Option(names = "--image-id", paramLabel = "ID",
            description = "Image ID (sha256:<64 hex>) of the images given with --image.")
    String imageId;

    /** Where notes (failed builds, set-aside values) go; tests replace it. */
    PrintStream err = System.err;
    /** What {@code --log -} reads; tests replace it. */
    InputStream stdin = System.in;

    /**
     * The images the sources show, one per repository. Notes go to stderr.
     *
     * @throws UsageException when no source is given, sources conflict or no image is found
     */
    List<BuiltImage> collect() {
        CollectedImages result = collectAll();
        if (result.images().isEmpty()) {
            throw new UsageException("no images found in the sources given"
                    + (result.notes().isEmpty() ? "" : " (" + result.notes().get(0).message() + ")"));
        }
        return result.images();
    }

    /**
     * Everything the sources show, notes printed to stderr.
     *
     * @throws UsageException when no source is given or sources conflict
     */
    CollectedImages collectAll() {
        ImageInputs inputs = inputs();
        if (inputs.isEmpty()) {
            throw new UsageException("no image sources: give --log, --iidfile, --metadata-file, --digestfile, "
                    + "--inspect, --manifest or --image");
        }
        CollectedImages result;
        try {
            result = inputs.collect(Path.of(""), stdin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> conflicts = new ArrayList<>();
        for (Note note : result.notes()) {
            if (note.kind() == Note.Kind.CONFLICT) {
                conflicts.add(note.message());
            } else {
                err.println("note: " + note.message());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new UsageException("the sources disagree: " + String.join("; ", conflicts));
        }
        return result;
    }

    private ImageInputs inputs() {
        for (String log : logs) {
            if (!ImageInputs.STDIN.equals(log)) {
                InputFiles.requireReadable("--log", Path.of(log));
            }
        }
        iidFiles.forEach(p -> InputFiles.requireReadable("--iidfile", p));
        metadataFiles.forEach(p -> InputFiles.requireReadable("--metadata-file", p));
        digestFiles.forEach(p -> InputFiles.requireReadable("--digestfile", p));
        inspectFiles.forEach(p -> InputFiles.requireReadable("--inspect", p));
        ImageInputs inputs = new ImageInputs();
        logs.forEach(inputs::log);
        iidFiles.forEach(inputs::iidFile);
        metadataFiles.forEach(inputs::metadataFile);
        digestFiles.forEach(inputs::digestFile);
        inspectFiles.forEach(inputs::inspect);
        manifestFiles.forEach(inputs::manifestFile);
        images.forEach(inputs::image);
        if (imageId != null) {
            ImageId id = ImageId.parse(imageId);
            if (!id.isComplete()) {
                throw new UsageException("--image-id " + imageId + " is a short ID: give all 64 hex digits "
                        + "(docker build --iidfile, or docker inspect --format '{{.Id}}')");
            }
            inputs.imageId(id);
        }
        return inputs;
    }
}
