package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code receive} as people run it: the packaged jar in its own process. */
class ReceiveCommandIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--status|99|--status 99: must be a final status code",
        "--delay|soon|--delay soon: expected a positive duration",
        "--max-body|lots|--max-body lots: not a size",
        "--callback|maybe|--callback maybe: must be success, failure or error",
        "--keep|0|--keep 0: must be 1 to 100000",
        "--secret-env|DBW_SURELY_UNSET_VARIABLE|environment variable DBW_SURELY_UNSET_VARIABLE is not set",
        "--port|70000|--port 70000: must be 0 to 65535",
    })
    void shouldRefuseBadOptionsWithOneLineAndExitCode2(String option, String value, String message) throws Exception {
        CliProcess.Result result = CliProcess.run("receive", option, value);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains(message).doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void shouldSayWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliProcess.Result result = CliProcess.run("receive", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).contains("cannot listen there", "--port 0").doesNotContain("\tat ");
        }
    }

    @Test
    void shouldPrintEachDeliveryAndStoreItsBytes(@TempDir Path dir) throws Exception {
        Path bodies = dir.resolve("bodies");
        try (ReceiverProcess receiver = ReceiverProcess.start(Map.of(), "--dir", bodies.toString(), "--status", "202")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(receiver.url() + "hook"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"push_data\":{\"tag\":\"7\"},\"repository\":{\"repo_name\":\"a/b\"}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(receiver.awaitLine("#1 POST /hook -> 202")).contains("a/b:7", "stored delivery-");
            List<Path> stored;
            try (var files = Files.list(bodies)) {
                stored = files.toList();
            }
            assertThat(stored).hasSize(1);
            assertThat(Files.readString(stored.get(0)))
                    .isEqualTo("{\"push_data\":{\"tag\":\"7\"},\"repository\":{\"repo_name\":\"a/b\"}}");
        }
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, http://127.0.0.1:", "::, http://[::1]:"})
    void shouldPrintAnAddressThatOpensWhenListeningEverywhere(String bind, String printed) throws Exception {
        try (ReceiverProcess receiver = ReceiverProcess.start(Map.of(), "--bind", bind)) {
            assertThat(receiver.url()).startsWith(printed);

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(receiver.url())).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldDocumentItsOptionsInHelp() throws Exception {
        CliProcess.Result result = CliProcess.run("receive", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--port", "--bind", "--secret-env", "--status", "--delay",
                "--fail-first", "--callback", "--dir", "--max-body", "--keep", "Exit codes");
    }
}
