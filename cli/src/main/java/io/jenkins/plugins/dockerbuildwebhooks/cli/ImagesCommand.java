package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.extract.CollectedImages;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ManifestInfo;
import io.jenkins.plugins.dockerbuildwebhooks.image.PlatformManifest;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code images}: prints the images the given sources show, as JSON. */
@Command(
        name = "images",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print the images that build and push outputs show, one per repository, as JSON.",
            "Each has its repository, tags, image ID and registry digest, from logs, --iidfile, --metadata-file, "
                    + "--digestfile and --inspect files.",
            "Failed builds and pushes are left out, with a note on stderr saying why."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:images printed (possibly none)",
            "2:bad usage, an unreadable or malformed file, or sources that disagree (the message names them)"})
final class ImagesCommand implements Callable<Integer> {

    @Mixin
    ImageSources sources = new ImageSources();

    @Option(names = "--pretty", description = "Indent the JSON for reading.")
    boolean pretty;

    private final PrintStream out;

    ImagesCommand() {
        this(System.out);
    }

    ImagesCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        CollectedImages result = sources.collectAll();
        byte[] json = toJson(result.images(), pretty);
        out.write(json, 0, json.length);
        out.println();
        out.flush();
        return Cli.OK;
    }

    /**
     * {@code {"images":[{"repository","tags","imageId","digest"}]}}, tags sorted; when the sources describe
     * the manifest the digest names, also its {@code mediaType}, {@code size} and, for a multi-platform
     * index, {@code platforms} ({@code os}, {@code architecture}, {@code variant}, {@code digest}, ...).
     */
    static byte[] toJson(List<BuiltImage> images, boolean pretty) {
        return JsonWriter.toBytes(pretty, w -> {
            w.startObject().name("images").startArray();
            for (BuiltImage image : images) {
                w.startObject().field("repository", image.repository().familiarName());
                w.name("tags").startArray();
                image.tags().forEach(w::value);
                w.endArray();
                w.name("imageId");
                image.imageId().ifPresentOrElse(id -> w.value(id.toString()), w::nullValue);
                w.name("digest");
                image.registryDigest().ifPresentOrElse(d -> w.value(d.toString()), w::nullValue);
                image.manifest().ifPresent(m -> manifest(w, m));
                w.endObject();
            }
            w.endArray().endObject();
        });
    }

    private static void manifest(JsonWriter w, ManifestInfo m) {
        m.optMediaType().ifPresent(t -> w.field("mediaType", t));
        m.optSize().ifPresent(size -> w.field("size", size));
        if (m.platforms().isEmpty()) {
            return;
        }
        w.name("platforms").startArray();
        for (PlatformManifest p : m.platforms()) {
            w.startObject().field("os", p.platform().os()).field("architecture", p.platform().architecture());
            p.platform().optVariant().ifPresent(v -> w.field("variant", v));
            w.field("digest", p.digest().toString()).field("mediaType", p.mediaType()).field("size", p.size());
            w.endObject();
        }
        w.endArray();
    }
}
