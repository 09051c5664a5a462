package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The image sources of one run, as the CLI options name them ({@code --log}, {@code --iidfile},
 * {@code --metadata-file}, {@code --digestfile}, {@code --inspect}, {@code --manifest}, {@code --image},
 * {@code --image-id}), fed to an {@link ImageCollector}. The CLI and the fixture contract test
 * both go through here, so the test checks what users run.
 */
public final class ImageInputs {
    /** The log path that means standard input. */
    public static final String STDIN = "-";

    private final List<String> logs = new ArrayList<>();
    private final List<Path> iidFiles = new ArrayList<>();
    private final List<Path> metadataFiles = new ArrayList<>();
    private final List<Path> digestFiles = new ArrayList<>();
    private final List<Path> inspectFiles = new ArrayList<>();
    private final List<Path> manifestFiles = new ArrayList<>();
    private final List<ImageReference> images = new ArrayList<>();
    private ImageId imageId;

    public ImageInputs log(String path) {
        logs.add(Objects.requireNonNull(path, "path"));
        return this;
    }

    public ImageInputs iidFile(Path path) {
        iidFiles.add(path);
        return this;
    }

    public ImageInputs metadataFile(Path path) {
        metadataFiles.add(path);
        return this;
    }

    public ImageInputs digestFile(Path path) {
        digestFiles.add(path);
        return this;
    }

    public ImageInputs inspect(Path path) {
        inspectFiles.add(path);
        return this;
    }

    /** A raw manifest or index, as {@code docker buildx imagetools inspect --raw} prints it. */
    public ImageInputs manifestFile(Path path) {
        manifestFiles.add(path);
        return this;
    }

    /** An explicit reference (parsed, so bad input fails here naming it). */
    public ImageInputs image(String reference) {
        images.add(ImageReference.parse(reference));
        return this;
    }

    public ImageInputs imageId(ImageId id) {
        this.imageId = id;
        return this;
    }

    public boolean isEmpty() {
        return logs.isEmpty() && iidFiles.isEmpty() && metadataFiles.isEmpty() && digestFiles.isEmpty()
                && inspectFiles.isEmpty() && manifestFiles.isEmpty() && images.isEmpty() && imageId == null;
    }

    /**
     * Reads every source, relative paths against {@code base}.
     *
     * @param stdin read for the log {@value #STDIN}
     * @throws IOException when a file cannot be read (NoSuchFileException names it)
     * @throws IllegalArgumentException ({@link BadSourceException}, JsonFormatException) for bad content
     */
    public CollectedImages collect(Path base, InputStream stdin) throws IOException {
        ImageCollector collector = new ImageCollector();
        for (String log : logs) {
            if (STDIN.equals(log)) {
                collector.log(stdin, "stdin");
            } else {
                try (InputStream in = Files.newInputStream(base.resolve(log))) {
                    collector.log(in, log);
                }
            }
        }
        for (Path p : iidFiles) {
            try (InputStream in = Files.newInputStream(base.resolve(p))) {
                collector.iidFile(in, p.toString());
            }
        }
        for (Path p : metadataFiles) {
            try (InputStream in = Files.newInputStream(base.resolve(p))) {
                collector.metadataFile(in, p.toString());
            }
        }
        for (Path p : digestFiles) {
            try (InputStream in = Files.newInputStream(base.resolve(p))) {
                collector.digestFile(in, p.toString());
            }
        }
        for (Path p : inspectFiles) {
            try (InputStream in = Files.newInputStream(base.resolve(p))) {
                collector.inspect(in, p.toString());
            }
        }
        for (Path p : manifestFiles) {
            try (InputStream in = Files.newInputStream(base.resolve(p))) {
                collector.manifestFile(in, p.toString());
            }
        }
        collector.images(images, "--image");
        if (imageId != null) {
            collector.imageId(imageId, "--image-id");
        }
        return collector.result();
    }
}
