package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to any command gets exit code 2 and a short message that names the input — never a
 * stack trace. Runs the packaged jar, as people do.
 */
class CliErrorsIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frobnicate|frobnicate",
        "payload --image Upper/Case|Upper/Case",
        "payload --image a/b --profile nope|nope",
        "images --log /nonexistent/build.log|/nonexistent/build.log",
        "images --iidfile /nonexistent/iid|/nonexistent/iid",
        "send --image a/b --url ftp://example.com/hook|ftp://example.com/",
        "send --image a/b --url http://127.0.0.1:9/ --secret-env DBW_SURELY_UNSET_VARIABLE|DBW_SURELY_UNSET_VARIABLE",
        "send --image a/b --url http://127.0.0.1:9/ --timeout forever|forever",
        "receive --delay forever|forever",
        "receive --bind no-such-host.invalid|no-such-host.invalid",
        "images --log /tmp|--log /tmp: is a directory, not a file",
        "images --iidfile /tmp|--iidfile /tmp: is a directory, not a file",
        "images --metadata-file /tmp|--metadata-file /tmp: is a directory, not a file",
        "images --digestfile /tmp|--digestfile /tmp: is a directory, not a file",
        "images --inspect /tmp|--inspect /tmp: is a directory, not a file",
        "images --log /nonexistent/build.log|--log /nonexistent/build.log: no such file",
        "payload --image a/b --dockerfile /tmp|--dockerfile /tmp: is a directory, not a file",
        "payload --image a/b --dockerfile /nonexistent/Dockerfile|--dockerfile /nonexistent/Dockerfile: no such file",
        "send --log /tmp --url http://127.0.0.1:9/|--log /tmp: is a directory, not a file",
        "send --image a/b --url 127.0.0.1:8781/hook|--url 127.0.0.1:8781/… must start with http:// or https://",
        "send --image a/b --url http://127.0.0.1:99999/hook|--url http://127.0.0.1:99999/… has port 99999: a port is 1 to 65535",
        "send --image a/b --url http://:8781/hook|has no host name",
        "send --image a/b --url http://127.0.0.1:9/ --journal /tmp|--journal /tmp: is a directory, not a file",
        "redeliver --journal /tmp|--journal /tmp: is a directory, not a file",
        "redeliver --journal /nonexistent/j.jsonl|--journal /nonexistent/j.jsonl: no such file",
    })
    void shouldAnswerBadInputWithExitCode2AndAMessageNamingIt(String commandLine, String named) throws Exception {
        // every case fails before anything is sent: nothing listens on 127.0.0.1:9, and no case waits for it
        CliProcess.Result result = CliProcess.run(commandLine.split(" "));

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains(named)
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(result.stderr().lines().count()).as(result.stderr()).isLessThanOrEqualTo(3);
        if (!commandLine.startsWith("frobnicate")) {
            assertThat(result.stderr()).as("the command exists and judged the input itself")
                    .doesNotContain("Unmatched argument");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "send --image a/b --bogus|unknown option '--bogus'",
        "send --bogus --url http://127.0.0.1:9/|unknown option '--bogus'",
        "redeliver --compcat|unknown option '--compcat'",
    })
    void shouldReportAnUnknownOptionEvenWhenARequiredOneIsMissing(String commandLine, String message) throws Exception {
        CliProcess.Result result = CliProcess.run(commandLine.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains(message).doesNotContain("Missing required option");
    }

    @Test
    void shouldRefuseACredentialHeaderWithoutEverPrintingItsValue() throws Exception {
        CliProcess.Result result = CliProcess.run("send", "--image", "a/b", "--url", "http://127.0.0.1:9/",
                "--header", "Authorization: Bearer xyzzy-s3cret", "--header", "X-Token xyzzy-s3cret-2: v");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--header Authorization", "--bearer-env", "--basic-auth-env")
                .doesNotContain("xyzzy");
        CliProcess.Result badName = CliProcess.run("send", "--image", "a/b", "--url", "http://127.0.0.1:9/",
                "--header", "X-Token xyzzy-s3cret-2: v");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.stderr()).contains("--header").doesNotContain("xyzzy");
    }

    @Test
    void shouldSendToAUrlGivenTwiceOnceWithAWarning() throws Exception {
        try (io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver receiver =
                io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.start()) {
            String url = receiver.url("/hook/xyzzy-token").toString();

            CliProcess.Result result = CliProcess.run("send", "--image", "a/b:1", "--url", url, "--url", url);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(receiver.requests()).hasSize(1);
            assertThat(result.stderr()).contains("warning: --url " + url.substring(0, url.indexOf("/hook")) + "/… is given 2 times")
                    .doesNotContain("xyzzy");
        }
    }
}
