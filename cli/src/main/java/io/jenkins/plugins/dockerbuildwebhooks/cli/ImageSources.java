package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * The image source options shared by {@code images}, {@code payload} and {@code send}: where to
 * learn which images a build produced.
 */
final class ImageSources {

    @Option(names = "--image", paramLabel = "REF",
            description = "Image reference [registry[:port]/]path[:tag]; repeatable. A tag-less reference means :latest.")
    List<String> images = new ArrayList<>();

    @Option(names = "--image-id", paramLabel = "ID",
            description = "Image ID (sha256:<64 hex>) of the images given with --image.")
    String imageId;

    /** The images the options name, one per repository. */
    List<BuiltImage> collect() {
        if (images.isEmpty()) {
            throw new UsageException("no images given: name at least one with --image REF");
        }
        ImageId id = imageId == null ? null : ImageId.parse(imageId);
        if (id != null && !id.isComplete()) {
            throw new UsageException("--image-id " + imageId + " is a short ID: give all 64 hex digits "
                    + "(docker build --iidfile, or docker inspect --format '{{.Id}}')");
        }
        Map<RepositoryName, TreeSet<String>> tags = new LinkedHashMap<>();
        for (String text : images) {
            ImageReference ref = ImageReference.parse(text);
            tags.computeIfAbsent(ref.repository(), r -> new TreeSet<>()).add(ref.tag());
        }
        List<BuiltImage> built = new ArrayList<>();
        tags.forEach((repo, t) -> built.add(new BuiltImage(repo, t, id, null)));
        return built;
    }
}
