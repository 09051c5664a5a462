package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole chain with real parts nobody on this project wrote: images built FROM scratch by a
 * real Docker engine (classic builder and BuildKit), podman and buildah, pushed to a real registry,
 * then {@code send} (the packaged jar, as a process) reads the tools' real outputs and delivers to
 * adnanh/webhook, json2file-go and {@code receive}. Needs what .ci/services.sh installs and starts.
 */
class DockerEndToEndIT {
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("e2e-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final Pattern PUSH_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64}) size:");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The builders under test; each builds, pushes and leaves its outputs in files. */
    enum Builder {
        CLASSIC, BUILDKIT, PODMAN, BUILDAH;

        String repositoryName() {
            return "e2e/" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a build and push left behind, and what the registry says about it. */
    record Built(String reference, String repository, String tag, String imageId, String registryDigest,
            List<Path> logs, Path iidfile, Path digestfile) {}

    private static String docker() {
        String configured = System.getenv("DBW_DOCKER");
        return configured != null && !configured.isEmpty() ? configured : "/usr/bin/docker";
    }

    private static List<String> storage(Path dir, Path runroot, String tool) {
        // vfs for both: mixing storage drivers on one root fails, and overlay needs more privileges
        return List.of(tool, "--root", dir.resolve("containers").toString(), "--runroot", runroot.toString(),
                "--storage-driver", "vfs");
    }

    /** podman and buildah refuse a runroot longer than 50 characters, which a test folder in target/ often is. */
    private static Path shortRunroot() throws java.io.IOException {
        return TmpFolders.create("dbw-run-");
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    private static Built buildAndPush(Builder builder, String registry, Path dir) throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        // a fresh file makes a fresh image, so a stale image in the registry cannot pass the test
        Files.writeString(context.resolve("stamp.txt"), UUID.randomUUID() + "\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY stamp.txt /stamp.txt\n");
        String tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String repository = registry + "/" + builder.repositoryName();
        String reference = repository + ":" + tag;
        Path iidfile = dir.resolve("iidfile");
        Path digestfile = null;
        List<Path> logs = new ArrayList<>();
        String pushedDigest;
        switch (builder) {
            case CLASSIC, BUILDKIT -> {
                String docker = EndToEnd.executable(docker(), "docker.io").toString();
                EndToEnd.require(Tool.succeeds(Map.of(), List.of(docker, "version")),
                        "no Docker engine answers at DOCKER_HOST=" + System.getenv("DOCKER_HOST"));
                List<String> build = builder == Builder.CLASSIC
                        ? List.of(docker, "build", "--iidfile", iidfile.toString(), "-t", reference, context.toString())
                        : List.of(docker, "build", "--progress=plain", "--iidfile", iidfile.toString(), "-t",
                                reference, context.toString());
                Tool.Output built = Tool.run(dir, "build", Map.of("DOCKER_BUILDKIT",
                        builder == Builder.CLASSIC ? "0" : "1"), build);
                Tool.Output pushed = Tool.run(dir, "push", Map.of(), List.of(docker, "push", reference));
                logs.addAll(List.of(built.stdout(), built.stderr(), pushed.stdout(), pushed.stderr()));
                Matcher m = PUSH_DIGEST.matcher(pushed.text());
                assertThat(m.find()).as("docker push printed a digest:\n" + pushed.text()).isTrue();
                pushedDigest = m.group(1);
            }
            default -> {
                String tool = builder == Builder.PODMAN ? "podman" : "buildah";
                EndToEnd.executable("/usr/bin/" + tool, tool);
                digestfile = dir.resolve("digestfile");
                Path runroot = shortRunroot();
                try {
                    Tool.Output built = Tool.run(dir, "build", Map.of(), concat(storage(dir, runroot, tool),
                            builder == Builder.PODMAN ? "build" : "bud", "--iidfile", iidfile.toString(), "-t", reference,
                            context.toString()));
                    Tool.Output pushed = Tool.run(dir, "push", Map.of(), concat(storage(dir, runroot, tool), "push",
                            "--tls-verify=false", "--digestfile", digestfile.toString(), reference));
                    logs.addAll(List.of(built.stdout(), built.stderr(), pushed.stdout(), pushed.stderr()));
                } finally {
                    TmpFolders.deleteTree(runroot);
                }
                pushedDigest = Files.readString(digestfile).trim();
            }
        }
        String imageId = Files.readString(iidfile).trim();
        assertThat(imageId).matches("sha256:[0-9a-f]{64}");
        String registryDigest = registryDigest(registry, builder.repositoryName(), tag);
        assertThat(pushedDigest).as("the digest the push reported is the registry's").isEqualTo(registryDigest);
        Path skopeo = EndToEnd.executable("/usr/bin/skopeo", "skopeo");
        Tool.Output inspected = Tool.run(dir, "skopeo", Map.of(), List.of(skopeo.toString(), "inspect",
                "--tls-verify=false", "--format", "{{.Digest}}", "docker://" + reference));
        assertThat(Files.readString(inspected.stdout()).trim()).as("skopeo's view of the registry")
                .isEqualTo(registryDigest);
        return new Built(reference, repository, tag, imageId, registryDigest, logs, iidfile, digestfile);
    }

    /** The registry's own answer: {@code Docker-Content-Digest} of the tag's manifest. */
    private static String registryDigest(String registry, String name, String tag) throws Exception {
        HttpRequest head = HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + name + "/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", String.join(", ",
                        "application/vnd.oci.image.index.v1+json",
                        "application/vnd.docker.distribution.manifest.list.v2+json",
                        "application/vnd.oci.image.manifest.v1+json",
                        "application/vnd.docker.distribution.manifest.v2+json"))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<Void> response = HTTP.send(head, HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("registry HEAD of " + name + ":" + tag).isEqualTo(200);
        return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private static ServiceProcess startWebhook(Path dir, int port) throws Exception {
        Path webhook = EndToEnd.executable("/usr/bin/webhook", "webhook");
        Path script = dir.resolve("record.sh");
        // the hook passes the two fields receivers act on to a command, as its users do
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n%s\\n%s\\n' \"$1\" \"$2\" \"$3\" > \"" + dir.resolve("webhook-received.txt")
                + "\"\n");
        script.toFile().setExecutable(true);
        String hooks = """
                [{"id": "docker",
                  "execute-command": "SCRIPT",
                  "command-working-directory": "DIR",
                  "include-command-output-in-response": true,
                  "pass-arguments-to-command": [
                    {"source": "payload", "name": "push_data.tag"},
                    {"source": "payload", "name": "repository.repo_name"},
                    {"source": "payload", "name": "push_data.digest"}],
                  "trigger-rule-mismatch-http-response-code": 403,
                  "trigger-rule": {"match": {"type": "payload-hmac-sha256", "secret": "SECRET",
                    "parameter": {"source": "header", "name": "X-Hub-Signature-256"}}}}]
                """.replace("SCRIPT", script.toString()).replace("DIR", dir.toString()).replace("SECRET", SECRET);
        Path hooksFile = Files.writeString(dir.resolve("hooks.json"), hooks);
        return ServiceProcess.start("webhook", dir, Map.of(), List.of(webhook.toString(), "-hooks",
                hooksFile.toString(), "-ip", "127.0.0.1", "-port", Integer.toString(port), "-verbose"), port);
    }

    private static ServiceProcess startJson2File(Path dir, int port) throws Exception {
        Path json2file = EndToEnd.executable("/usr/sbin/json2file-go", "json2file-go");
        Path base = Files.createDirectories(dir.resolve("json2file"));
        return ServiceProcess.start("json2file-go", dir, Map.of(
                "J2F_BASEDIR", base.toString(),
                "J2F_DIRLIST", "dockerhub:" + SECRET,
                "J2F_SIGNATURE_HEADERS", "X-Hub-Signature-256",
                "J2F_BIND", "127.0.0.1:" + port), List.of(json2file.toString()), port);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** The {@code send} command line for what the build left behind. */
    private static List<String> sendArgs(Built built, List<String> urls) {
        List<String> args = new ArrayList<>(List.of("send", "--secret-env", "DBW_E2E_SECRET", "--include-digest"));
        args.addAll(sourceArgs(built));
        for (String url : urls) {
            args.addAll(List.of("--url", url));
        }
        return args;
    }

    /** The image source options for what the build and push printed and wrote. */
    private static List<String> sourceArgs(Built built) {
        List<String> args = new ArrayList<>();
        for (Path log : built.logs()) {
            args.addAll(List.of("--log", log.toString()));
        }
        args.addAll(List.of("--iidfile", built.iidfile().toString()));
        if (built.digestfile() != null) {
            args.addAll(List.of("--digestfile", built.digestfile().toString()));
        }
        return args;
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void shouldDeliverWhatTheBuildPushedToRealReceivers(Builder builder, @TempDir Path dir) throws Exception {
        String registry = EndToEnd.env("DBW_REGISTRY", "host:port of the registry on loopback");
        EndToEnd.require(answers("http://" + registry + "/v2/"), "no registry answers at http://" + registry + "/v2/");
        Built built = buildAndPush(builder, registry, dir);
        int webhookPort = ServiceProcess.freePort();
        int json2filePort = ServiceProcess.freePort();
        Path stored = dir.resolve("receive-bodies");
        try (ServiceProcess webhook = startWebhook(dir, webhookPort);
                ServiceProcess json2file = startJson2File(dir, json2filePort);
                ReceiverProcess receive = ReceiverProcess.start(Map.of("DBW_E2E_SECRET", SECRET),
                        "--secret-env", "DBW_E2E_SECRET", "--dir", stored.toString())) {
            List<String> urls = List.of("http://127.0.0.1:" + webhookPort + "/hooks/docker",
                    "http://127.0.0.1:" + json2filePort + "/dockerhub", receive.url() + "hooks/docker");

            CliProcess.Result sent = CliProcess.runWithEnv(Map.of("DBW_E2E_SECRET", SECRET),
                    sendArgs(built, urls).toArray(String[]::new));

            assertThat(sent.exitCode()).as("send:\n" + sent.stdout() + sent.stderr()).isZero();
            assertThat(sent.stdout() + sent.stderr()).doesNotContain(SECRET);

            // adnanh/webhook ran its command only because X-Hub-Signature-256 verified
            assertThat(Files.readAllLines(dir.resolve("webhook-received.txt")))
                    .as("webhook log:\n" + webhook.log())
                    .containsExactly(built.tag(), built.repository(), built.registryDigest());

            // json2file-go stored exactly the bytes it got (it refuses a bad signature with 400)
            List<Path> json2fileBodies = files(dir.resolve("json2file").resolve("dockerhub"));
            assertThat(json2fileBodies).as("json2file-go log:\n" + json2file.log()).hasSize(1);
            byte[] body = Files.readAllBytes(json2fileBodies.get(0));
            List<Path> receiveBodies = files(stored);
            assertThat(receiveBodies).hasSize(1);
            assertThat(Files.readAllBytes(receiveBodies.get(0))).as("the same bytes reached every receiver")
                    .isEqualTo(body);

            JsonObject payload = JsonReader.parseObject(body, "delivered body");
            assertThat(payload.object("repository").string("repo_name")).isEqualTo(built.repository());
            assertThat(payload.object("push_data").string("tag")).isEqualTo(built.tag());
            assertThat(payload.object("push_data").strings("images"))
                    .containsExactly(built.imageId().substring("sha256:".length()));
            assertThat(payload.object("push_data").string("digest")).as("the registry's own digest (--include-digest)")
                    .isEqualTo(built.registryDigest());

            JsonObject delivery = receiveApi(receive).objects("deliveries").get(0);
            assertThat(delivery.objects("signatures")).extracting(s -> s.string("outcome"))
                    .containsExactly("valid", "valid");
            assertThat(delivery.optBoolean("duplicate")).contains(false);
            assertThat(delivery.object("dockerHub").string("repo_name")).isEqualTo(built.repository());

            // and `images` finds the same on the same outputs
            CliProcess.Result images = CliProcess.run(imagesArgs(built).toArray(String[]::new));
            assertThat(images.exitCode()).as("images:\n" + images.stdout() + images.stderr()).isZero();
            JsonObject image = JsonReader.parseObject(images.stdout().getBytes(StandardCharsets.UTF_8), "images")
                    .objects("images").get(0);
            assertThat(image.string("repository")).isEqualTo(built.repository());
            assertThat(image.strings("tags")).containsExactly(built.tag());
            assertThat(image.string("imageId")).isEqualTo(built.imageId());
            assertThat(image.string("digest")).as("the registry's own digest").isEqualTo(built.registryDigest());
        }
    }

    private static List<String> imagesArgs(Built built) {
        List<String> args = new ArrayList<>(List.of("images"));
        args.addAll(sourceArgs(built));
        return args;
    }

    @org.junit.jupiter.api.Test
    void shouldBeRefusedByRealReceiversWhenTheSecretIsWrong(@TempDir Path dir) throws Exception {
        int webhookPort = ServiceProcess.freePort();
        int json2filePort = ServiceProcess.freePort();
        try (ServiceProcess webhook = startWebhook(dir, webhookPort);
                ServiceProcess json2file = startJson2File(dir, json2filePort)) {
            CliProcess.Result sent = CliProcess.runWithEnv(Map.of("DBW_E2E_SECRET", SECRET + "x"), "send",
                    "--secret-env", "DBW_E2E_SECRET", "--attempts", "1",
                    "--image", "127.0.0.1:5000/e2e/forged:1.0",
                    "--image-id", "sha256:dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092",
                    "--url", "http://127.0.0.1:" + webhookPort + "/hooks/docker",
                    "--url", "http://127.0.0.1:" + json2filePort + "/dockerhub");

            assertThat(sent.exitCode()).as("send:\n" + sent.stdout() + sent.stderr()).isEqualTo(1);
            assertThat(dir.resolve("webhook-received.txt")).as("webhook log:\n" + webhook.log()).doesNotExist();
            assertThat(dir.resolve("json2file").resolve("dockerhub")).as("json2file-go log:\n" + json2file.log())
                    .satisfiesAnyOf(d -> assertThat(d).doesNotExist(), d -> assertThat(files(d)).isEmpty());
        }
    }

    private static boolean answers(String url) {
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonObject receiveApi(ReceiverProcess receive) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(receive.url() + "_receive/api/deliveries")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return JsonReader.parseObject(response.body(), "receive API");
    }
}
