package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    })
    void shouldAnswerBadInputWithExitCode2AndAMessageNamingIt(String commandLine, String named) throws Exception {
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
}
