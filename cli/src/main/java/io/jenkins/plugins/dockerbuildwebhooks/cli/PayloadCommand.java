package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatOptions;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatWriter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Message;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Payload;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFactory;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadWriter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PushedTag;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Rendering;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code payload}: prints what would be sent for the given images, without sending anything. */
@Command(
        name = "payload",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print the webhook payloads (a JSON array of the bodies, one per message) for the given images in the "
                    + "chosen --profile; with --headers each entry also shows the headers that go with it.",
            "Nothing is sent."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:payloads printed (tags a profile cannot describe are noted on stderr)",
            "1:no tag could be written in the profile (the notes on stderr say why)",
            "2:bad usage or input (the message says which)"})
final class PayloadCommand implements Callable<Integer> {

    @Mixin
    ImageSources sources = new ImageSources();

    @Mixin
    PayloadOptions payload = new PayloadOptions();

    @Option(names = "--pretty", description = "Indent the JSON for reading.")
    boolean pretty;

    @Option(names = "--headers",
            description = "Print {\"delivery\",\"label\",\"headers\",\"body\"} per message: a CloudEvent in binary mode "
                    + "carries its attributes in headers.")
    boolean headers;

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    PayloadCommand() {
        this(Clock.systemUTC(), System.out, System.err);
    }

    PayloadCommand(Clock clock, PrintStream out, PrintStream err) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        FormatOptions format = payload.format();
        PayloadFacts facts = payload.facts();
        sources.err = err;
        List<BuiltImage> built = sources.collect();
        List<PushedTag> tags = PushedTag.of(built, clock);
        if (format.profile().isDockerHub() && !headers) {
            // the Docker Hub array is written in one go, so the legacy profile's float timestamps stay as written
            List<Payload> payloads = new ArrayList<>();
            for (PushedTag t : tags) {
                payloads.add(PayloadFactory.create(t, facts, facts.callbackUrl()));
            }
            print(PayloadWriter.toArray(payloads, format.profile(), pretty));
            return Cli.OK;
        }
        FormatWriter writer = format.writer();
        SecureRandom random = new SecureRandom();
        List<Message> messages = new ArrayList<>();
        for (PushedTag t : tags) {
            Rendering r = writer.render(t, facts, () -> Delivery.newId(random));
            r.optRefusal().ifPresent(why -> err.println("note: " + t.reference() + " is not written in profile "
                    + format.profile().id() + ": " + why));
            messages.addAll(r.messages());
        }
        print(JsonWriter.toBytes(pretty, w -> {
            w.startArray();
            for (Message m : messages) {
                if (headers) {
                    w.startObject().field("delivery", m.deliveryId()).field("label", m.label());
                    w.name("headers").startObject();
                    m.headers().forEach(w::field);
                    w.endObject();
                    w.name("body").any(JsonReader.parse(m.body(), m.label()));
                    w.endObject();
                } else {
                    w.any(JsonReader.parse(m.body(), m.label()));
                }
            }
            w.endArray();
        }));
        return messages.isEmpty() ? Cli.FAILED : Cli.OK;
    }

    private void print(byte[] json) {
        out.write(json, 0, json.length);
        out.println();
        out.flush();
    }
}
