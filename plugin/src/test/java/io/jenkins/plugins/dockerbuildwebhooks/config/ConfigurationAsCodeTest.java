package io.jenkins.plugins.dockerbuildwebhooks.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void shouldConfigureEndpointsFromYaml(JenkinsConfiguredWithCodeRule j) {
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();

        assertThat(config.getEndpoints()).extracting(WebhookEndpoint::getId)
                .containsExactly("keel", "flux", "cd-events", "registry");
        WebhookEndpoint keel = config.findEndpoint("keel").orElseThrow();
        assertThat(keel.getUrl()).isEqualTo("https://hooks.round-trip.example/keel");
        assertThat(keel.getSecretCredentialsId()).isEqualTo("hub-signing");
        assertThat(keel.getSignatureScheme()).isEqualTo("standard-webhooks");
        assertThat(keel.getRepositories()).isEqualTo("registry.example.com/acme/*");
        assertThat(keel.getHeaders()).isEqualTo("X-Team: platform");
        assertThat(keel.isEnabled()).isTrue();
        WebhookEndpoint flux = config.findEndpoint("flux").orElseThrow();
        assertThat(flux.getUrl()).isEmpty();
        assertThat(flux.getUrlCredentialsId()).isEqualTo("flux-url");
        assertThat(flux.isEnabled()).isFalse();
        assertThat(flux.getPayloadProfile()).as("the default").isEqualTo("docker-hub");
        WebhookEndpoint events = config.findEndpoint("cd-events").orElseThrow();
        assertThat(events.getPayloadProfile()).isEqualTo("cdevents");
        assertThat(events.getCdeventsSpec()).isEqualTo("0.5.1");
        assertThat(events.getCloudEventsMode()).isEqualTo("structured");
        assertThat(events.getHubSignatureHeader()).isEqualTo("X-Signature");
        WebhookEndpoint registry = config.findEndpoint("registry").orElseThrow();
        assertThat(registry.getPayloadProfile()).isEqualTo("registry-notification");
        assertThat(registry.getCdeventsSpec()).isEmpty();
        assertThat(registry.getCloudEventsMode()).isEmpty();
        assertThat(registry.getHubSignatureHeader()).isEmpty();
        assertThat(config.getConnectTimeoutSeconds()).isEqualTo(3);
        assertThat(config.getTimeoutSeconds()).isEqualTo(20);
        assertThat(config.getMaxAttempts()).isEqualTo(4);
        assertThat(config.getWaitSeconds()).isEqualTo(60);
        assertThat(config.getDefaultPusher()).isEqualTo("ci");
        assertThat(config.isBlockPrivateNetworks()).isTrue();
        assertThat(config.allowListEntries()).containsExactly("10.20.0.0/16");
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void shouldExportTheConfigurationAsYaml(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("dockerBuildWebhooks");

        String exported = Util.toYamlString(node);

        assertThat(exported).contains("id: \"keel\"", "url: \"https://hooks.round-trip.example/keel\"",
                "secretCredentialsId: \"hub-signing\"", "urlCredentialsId: \"flux-url\"", "maxAttempts: 4",
                "blockPrivateNetworks: true", "payloadProfile: \"cdevents\"", "cdeventsSpec: \"0.5.1\"",
                "cloudEventsMode: \"structured\"", "hubSignatureHeader: \"X-Signature\"",
                "payloadProfile: \"registry-notification\"");
        assertThat(exported).doesNotContain("whsec_", "0123456789abcdef");
    }
}
