package io.jenkins.plugins.dockerbuildwebhooks.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Receiver;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Manage Jenkins → System, as an administrator uses it in a browser (HtmlUnit, with JavaScript). */
@WithJenkins
class SystemPageTest {
    private static void secure(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
    }

    @Test
    void shouldRenderTheSectionWithTheConfiguredEndpoints(JenkinsRule j) throws Exception {
        Fixtures.addSecretText("sign", "signing-secret");
        WebhookEndpoint hub = Fixtures.endpoint("hub", "https://hooks.example.com/hook");
        hub.setSecretCredentialsId("sign");
        DockerBuildWebhooksConfiguration config = Fixtures.globalEndpoints(hub);
        config.setAllowList("10.20.0.0/16");

        HtmlPage page = j.createWebClient().goTo("manage/configure");

        assertThat(page.asNormalizedText()).contains("Docker build webhooks", "Endpoints", "Send test delivery");
        List<HtmlInput> ids = page.getDocumentElement().getByXPath("//input[@name='_.id']");
        assertThat(ids).extracting(HtmlInput::getValue).contains("hub");
        List<HtmlInput> urls = page.getDocumentElement().getByXPath("//input[@name='_.url']");
        assertThat(urls).extracting(HtmlInput::getValue).contains("https://hooks.example.com/hook");
        assertThat(page.getWebResponse().getContentAsString()).doesNotContain("signing-secret");
    }

    @Test
    void shouldAddAnEndpointThroughTheFormAndSaveIt(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.goTo("manage/configure");
        HtmlForm form = page.getFormByName("config");

        HtmlButton add = buttonWithText(page, "Add endpoint");
        add.click();
        wc.waitForBackgroundJavaScript(2000);
        List<HtmlInput> ids = form.getByXPath(".//input[@name='_.id']");
        List<HtmlInput> urls = form.getByXPath(".//input[@name='_.url']");
        assertThat(ids).as("the new endpoint's fields").isNotEmpty();
        ids.get(ids.size() - 1).setValue("keel");
        urls.get(urls.size() - 1).setValue("https://keel.example.com/v1/webhooks/dockerhub");
        j.submit(form);

        assertThat(DockerBuildWebhooksConfiguration.get().getEndpoints()).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo("keel");
            assertThat(e.getUrl()).isEqualTo("https://keel.example.com/v1/webhooks/dockerhub");
            assertThat(e.getPayloadProfile()).isEqualTo("docker-hub");
            assertThat(e.isEnabled()).isTrue();
        });
    }

    @Test
    void shouldChooseTheCdEventsFormatAndSignatureHeaderInTheForm(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.goTo("manage/configure");
        HtmlForm form = page.getFormByName("config");

        buttonWithText(page, "Add endpoint").click();
        wc.waitForBackgroundJavaScript(5000);
        HtmlInput id = last(form.getByXPath(".//input[@name='_.id']"));
        id.setValue("flux");
        HtmlInput url = last(form.getByXPath(".//input[@name='_.url']"));
        url.setValue("https://flux.example.com/hook/cdevents");
        HtmlSelect profile = last(form.getByXPath(".//select[@name='_.payloadProfile']"));
        assertThat(profile.getOptions()).extracting(HtmlOption::getValueAttribute)
                .containsExactly("docker-hub", "docker-hub-legacy", "registry-notification", "cdevents");
        profile.setSelectedAttribute("cdevents", true);
        HtmlSelect spec = last(form.getByXPath(".//select[@name='_.cdeventsSpec']"));
        assertThat(spec.getOptions()).extracting(HtmlOption::getValueAttribute).containsExactly("", "0.5.1");
        spec.setSelectedAttribute("0.5.1", true);
        HtmlSelect mode = last(form.getByXPath(".//select[@name='_.cloudEventsMode']"));
        mode.setSelectedAttribute("structured", true);
        HtmlInput header = last(form.getByXPath(".//input[@name='_.hubSignatureHeader']"));
        header.setValue("X-Signature");
        j.submit(form);

        assertThat(DockerBuildWebhooksConfiguration.get().getEndpoints()).singleElement().satisfies(e -> {
            assertThat(e.getPayloadProfile()).isEqualTo("cdevents");
            assertThat(e.getCdeventsSpec()).isEqualTo("0.5.1");
            assertThat(e.getCloudEventsMode()).isEqualTo("structured");
            assertThat(e.getHubSignatureHeader()).isEqualTo("X-Signature");
        });
    }

    /** The last of the elements found, the newest endpoint's. */
    private static <T> T last(List<?> found) {
        assertThat(found).as("fields of the new endpoint").isNotEmpty();
        @SuppressWarnings("unchecked")
        T element = (T) found.get(found.size() - 1);
        return element;
    }

    @Test
    void shouldAnswerTheTestButtonOnThePage(JenkinsRule j) throws Exception {
        secure(j);
        Fixtures.addSecretText("sign", "test-signing-secret");
        try (Receiver receiver = Receiver.start()) {
            WebhookEndpoint hub = Fixtures.endpoint("hub", receiver.url("/probe"));
            hub.setSecretCredentialsId("sign");
            Fixtures.globalEndpoints(hub);
            JenkinsRule.WebClient wc = j.createWebClient().login("admin");
            HtmlPage page = wc.goTo("manage/configure");

            buttonWithText(page, "Send test delivery").click();
            wc.waitForBackgroundJavaScript(10_000);

            assertThat(page.asNormalizedText()).contains("DELIVERED: HTTP 200 in ");
            assertThat(receiver.requests()).singleElement()
                    .satisfies(r -> assertThat(r.header("X-Hub-Signature-256"))
                            .isEqualTo(Receiver.hubSignature("test-signing-secret", r.body())));
        }
    }

    @Test
    void shouldNotShowTheSystemPageToUsersWhoCannotAdminister(JenkinsRule j) throws Exception {
        secure(j);
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("reader");

        assertThat(wc.goTo("manage/configure").getWebResponse().getStatusCode()).isEqualTo(403);
    }

    static HtmlButton buttonWithText(HtmlPage page, String text) {
        for (DomElement e : page.getElementsByTagName("button")) {
            if (e.getTextContent().strip().equals(text) && e instanceof HtmlButton b) {
                return b;
            }
        }
        throw new AssertionError("no button \"" + text + "\" on " + page.getUrl());
    }
}
