package io.jenkins.plugins.dockerbuildwebhooks.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Receiver;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class DockerBuildWebhooksConfigurationTest {
    private static final String ENDPOINT_DESCRIPTOR = "descriptorByName/" + WebhookEndpoint.class.getName() + "/";

    /** An administrator "admin" and a user "reader" with Overall/Read only. */
    private static void secure(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
    }

    /** POSTs a form web method with a crumb, as the browser does. */
    private static Page post(JenkinsRule j, String user, String path, Map<String, String> query) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        String params = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        WebRequest request = new WebRequest(new URL(j.getURL(), path + "?" + params), HttpMethod.POST);
        return wc.getPage(wc.addCrumb(request));
    }

    @Test
    void shouldKeepEverySettingThroughTheConfigurationPage(JenkinsRule j) throws Exception {
        Fixtures.addSecretText("sign", "signing-secret");
        Fixtures.addSecretText("url", "https://hooks.example.com/token");
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        WebhookEndpoint plain = Fixtures.endpoint("plain", "https://plain.example.com/hook");
        plain.setSecretCredentialsId("sign");
        plain.setSignatureScheme("standard-webhooks");
        plain.setHeaders("X-Team: platform");
        plain.setRepositories("acme/*");
        plain.setPayloadProfile("docker-hub-legacy");
        WebhookEndpoint secretUrl = new WebhookEndpoint("secret-url");
        secretUrl.setUrlCredentialsId("url");
        secretUrl.setEnabled(false);
        WebhookEndpoint events = Fixtures.endpoint("events", "https://cd.example.com/events");
        events.setSecretCredentialsId("sign");
        events.setSignatureScheme("hub-signature-256");
        events.setHubSignatureHeader("X-Signature");
        events.setPayloadProfile("cdevents");
        events.setCdeventsSpec("0.5.1");
        events.setCloudEventsMode("structured");
        WebhookEndpoint registry = Fixtures.endpoint("registry", "https://jenkins.example.com/dockerregistry-webhook/notify");
        registry.setPayloadProfile("registry-notification");
        config.setEndpoints(List.of(plain, secretUrl, events, registry));
        config.setConnectTimeoutSeconds(3);
        config.setTimeoutSeconds(20);
        config.setMaxAttempts(7);
        config.setWaitSeconds(45);
        config.setDefaultPusher("ci");
        config.setBlockPrivateNetworks(true);
        config.setAllowList("10.20.0.0/16\nhooks.internal.example.com");

        j.configRoundtrip();

        DockerBuildWebhooksConfiguration after = DockerBuildWebhooksConfiguration.get();
        assertThat(after.getEndpoints()).containsExactly(plain, secretUrl, events, registry);
        WebhookEndpoint eventsAfter = after.findEndpoint("events").orElseThrow();
        assertThat(eventsAfter.getCdeventsSpec()).isEqualTo("0.5.1");
        assertThat(eventsAfter.getCloudEventsMode()).isEqualTo("structured");
        assertThat(eventsAfter.getHubSignatureHeader()).isEqualTo("X-Signature");
        assertThat(after.findEndpoint("registry").orElseThrow().getCdeventsSpec()).as("empty: the default, 0.4.1").isEmpty();
        assertThat(after.getConnectTimeoutSeconds()).isEqualTo(3);
        assertThat(after.getTimeoutSeconds()).isEqualTo(20);
        assertThat(after.getMaxAttempts()).isEqualTo(7);
        assertThat(after.getWaitSeconds()).isEqualTo(45);
        assertThat(after.getDefaultPusher()).isEqualTo("ci");
        assertThat(after.isBlockPrivateNetworks()).isTrue();
        assertThat(after.allowListEntries()).containsExactly("10.20.0.0/16", "hooks.internal.example.com");
    }

    @Test
    void shouldSendATestDeliveryWithoutSavingAnything(JenkinsRule j) throws Exception {
        secure(j);
        Fixtures.addSecretText("sign", "test-signing-secret");
        try (Receiver receiver = Receiver.start()) {
            Page answer = post(j, "admin", ENDPOINT_DESCRIPTOR + "testDelivery", Map.of(
                    "id", "probe", "url", receiver.url("/probe"), "secretCredentialsId", "sign",
                    "signatureScheme", "hub-signature-256", "payloadProfile", "docker-hub"));

            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(answer.getWebResponse().getContentAsString()).contains("DELIVERED: HTTP 200 in ", "received");
            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.text()).contains("\"repo_name\":\"example/webhook-test\"", "\"pusher\":\"admin\"");
            assertThat(request.header("X-Hub-Signature-256"))
                    .isEqualTo(Receiver.hubSignature("test-signing-secret", request.body()));
            assertThat(DockerBuildWebhooksConfiguration.get().getEndpoints()).isEmpty();
        }
    }

    @Test
    void shouldSendTheTestDeliveryInTheFormatTheFormShows(JenkinsRule j) throws Exception {
        secure(j);
        Fixtures.addSecretText("sign", "test-signing-secret");
        try (Receiver receiver = Receiver.start()) {
            Page cdevents = post(j, "admin", ENDPOINT_DESCRIPTOR + "testDelivery", Map.of(
                    "id", "probe", "url", receiver.url("/cdevents"), "payloadProfile", "cdevents",
                    "cdeventsSpec", "0.5.1", "secretCredentialsId", "sign", "signatureScheme", "hub-signature-256",
                    "hubSignatureHeader", "X-Signature"));
            Page registry = post(j, "admin", ENDPOINT_DESCRIPTOR + "testDelivery", Map.of(
                    "id", "probe", "url", receiver.url("/registry"), "payloadProfile", "registry-notification"));

            assertThat(cdevents.getWebResponse().getContentAsString()).contains("DELIVERED: HTTP 200");
            assertThat(registry.getWebResponse().getContentAsString()).contains("DELIVERED: HTTP 200");
            Receiver.Request event = receiver.requests().get(0);
            assertThat(event.header("ce-id")).isEqualTo(event.header("webhook-id")).startsWith("msg_");
            assertThat(event.header("ce-type")).isEqualTo("dev.cdevents.artifact.published.0.3.0");
            assertThat(event.header("ce-subject")).as("the sample has a digest, so every format can describe it")
                    .startsWith("pkg:oci/webhook-test@sha256:e3b0c442");
            assertThat(event.header("X-Signature")).isEqualTo(Receiver.hubSignature("test-signing-secret", event.body()));
            assertThat(receiver.requests().get(1).text()).contains("\"events\"", "\"repository\":\"example/webhook-test\"",
                    "\"tag\":\"test\"");
            assertThat(DockerBuildWebhooksConfiguration.get().getEndpoints()).isEmpty();
        }
    }

    @Test
    void shouldShowTheReceiversAnswerWhenATestDeliveryFails(JenkinsRule j) throws Exception {
        secure(j);
        try (Receiver receiver = Receiver.start(422)) {
            Page answer = post(j, "admin", ENDPOINT_DESCRIPTOR + "testDelivery", Map.of("id", "probe", "url", receiver.url("/")));

            assertThat(answer.getWebResponse().getContentAsString()).contains("FAILED: HTTP 422", "received");
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void shouldRefuseTheTestButtonToUsersWhoCannotAdminister(JenkinsRule j) throws Exception {
        secure(j);
        try (Receiver receiver = Receiver.start()) {
            Page answer = post(j, "reader", ENDPOINT_DESCRIPTOR + "testDelivery", Map.of("id", "probe", "url", receiver.url("/")));

            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void shouldRefuseValidationToUsersWhoCannotAdminister(JenkinsRule j) throws Exception {
        secure(j);

        Page answer = post(j, "reader", ENDPOINT_DESCRIPTOR + "checkUrl", Map.of("value", "ftp://x"));

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(403);
    }

    @Test
    void shouldListCredentialsOnlyToAdministrators(JenkinsRule j) throws Exception {
        secure(j);
        Fixtures.addSecretText("signing-key", "value");
        Fixtures.addUsernamePassword("deploy-user", "deployer", "a-long-enough-password");

        String forAdmin = post(j, "admin", ENDPOINT_DESCRIPTOR + "fillAuthCredentialsIdItems", Map.of("authCredentialsId", ""))
                .getWebResponse().getContentAsString();
        String secretsForAdmin = post(j, "admin", ENDPOINT_DESCRIPTOR + "fillSecretCredentialsIdItems", Map.of("secretCredentialsId", ""))
                .getWebResponse().getContentAsString();
        String forReader = post(j, "reader", ENDPOINT_DESCRIPTOR + "fillAuthCredentialsIdItems", Map.of("authCredentialsId", "typed-by-reader"))
                .getWebResponse().getContentAsString();

        assertThat(forAdmin).contains("signing-key", "deploy-user");
        assertThat(secretsForAdmin).contains("signing-key").doesNotContain("deploy-user");
        assertThat(forReader).contains("typed-by-reader").doesNotContain("signing-key", "deploy-user");
    }

    @Test
    void shouldLetOnlyUsersWhoConfigureTheJobUseItsTestButton(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        FreeStyleProject job = j.createFreeStyleProject("app");
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("viewer", "configurer")
                .grant(Item.CONFIGURE).onItems(job).to("configurer"));
        try (Receiver receiver = Receiver.start()) {
            String path = job.getUrl() + ENDPOINT_DESCRIPTOR + "testDelivery";
            Map<String, String> form = Map.of("id", "probe", "url", receiver.url("/"));

            Page refused = post(j, "viewer", path, form);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(receiver.requests()).isEmpty();

            Page allowed = post(j, "configurer", path, form);
            assertThat(allowed.getWebResponse().getContentAsString()).contains("DELIVERED: HTTP 200");
            assertThat(receiver.requests()).hasSize(1);
        }
    }
}
