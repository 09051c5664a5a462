package io.jenkins.plugins.dockerbuildwebhooks.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import java.util.List;
import org.jvnet.hudson.test.JenkinsRule;

/** Configure from YAML, check, apply again through the UI, restart and configure from $JENKINS_HOME. */
class ConfigurationAsCodeRoundTripTest extends AbstractRoundTripTest {
    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        assertThat(config.getEndpoints()).extracting(WebhookEndpoint::getId)
                .containsExactly("keel", "flux", "cd-events", "registry");
        WebhookEndpoint events = config.findEndpoint("cd-events").orElseThrow();
        assertThat(List.of(events.getPayloadProfile(), events.getCdeventsSpec(), events.getCloudEventsMode(),
                events.getHubSignatureHeader())).containsExactly("cdevents", "0.5.1", "structured", "X-Signature");
        assertThat(config.findEndpoint("keel").orElseThrow().getRepositories()).isEqualTo("registry.example.com/acme/*");
        assertThat(config.getMaxAttempts()).isEqualTo(4);
    }

    @Override
    protected String stringInLogExpected() {
        return "https://hooks.round-trip.example/keel";
    }
}
