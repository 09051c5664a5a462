package io.jenkins.plugins.dockerbuildwebhooks.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.steps.DockerWebhookPublisher;
import io.jenkins.plugins.dockerbuildwebhooks.steps.DockerWebhookStep;
import io.jenkins.plugins.dockerbuildwebhooks.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every help button of the plugin's forms opens a help text: the link each {@code f:entry}
 * renders resolves (HTTP 200, a real text), on the System page, on a freestyle job's configure page
 * and for the step's own fields.
 */
@WithJenkins
class HelpLinksTest {
    /** Every field the forms show, by the name its help URL ends with. */
    private static final List<String> SYSTEM_FIELDS = List.of("connectTimeoutSeconds", "timeoutSeconds", "maxAttempts",
            "waitSeconds", "defaultPusher", "blockPrivateNetworks", "allowList", "endpoints");
    private static final List<String> ENDPOINT_FIELDS = List.of("id", "url", "urlCredentialsId", "secretCredentialsId",
            "signatureScheme", "authCredentialsId", "payloadProfile", "cdeventsSpec", "cloudEventsMode", "repositories",
            "callbacks", "headers", "hubSignatureHeader", "enabled");
    private static final List<String> OPTION_FIELDS = List.of("endpoints", "images", "iidFile", "metadataFile",
            "digestFile", "manifestFile", "scanConsoleLog", "includeDigest", "failureMode", "payloadProfile", "pusher", "waitSeconds",
            "inlineEndpoints");

    private static Set<String> helpUrls(HtmlPage page) {
        Set<String> urls = new TreeSet<>();
        for (DomElement e : page.getDocumentElement().getElementsByTagName("a")) {
            String url = e.getAttribute("helpURL");
            if (url.contains("dockerbuildwebhooks") || url.contains("docker-build-webhooks")) {
                urls.add(url);
            }
        }
        return urls;
    }

    private static void assertResolves(JenkinsRule j, Set<String> urls) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        List<String> broken = new ArrayList<>();
        for (String url : urls) {
            String relative = url.startsWith(j.contextPath) ? url.substring(j.contextPath.length() + 1) : url;
            Page help = wc.goTo(relative, null);
            String text = help.getWebResponse().getContentAsString().replaceAll("<[^>]*>", " ").strip();
            if (help.getWebResponse().getStatusCode() != 200 || text.length() < 40) {
                broken.add(url + " → " + help.getWebResponse().getStatusCode() + " (" + text.length() + " characters)");
            }
        }
        assertThat(broken).isEmpty();
    }

    private static void assertCovers(Set<String> urls, List<String> fields) {
        assertThat(fields).allSatisfy(f -> assertThat(urls).as("a help link for " + f)
                .anySatisfy(u -> assertThat(u).matches(".*/(help/|help-)" + f + "(\\.html)?$")));
    }

    @Test
    void shouldResolveEveryHelpLinkOfTheSystemPage(JenkinsRule j) throws Exception {
        Fixtures.globalEndpoints(Fixtures.endpoint("hub", "https://hooks.example.com/hook"));

        Set<String> urls = helpUrls(j.createWebClient().goTo("manage/configure"));

        assertCovers(urls, SYSTEM_FIELDS);
        assertCovers(urls, ENDPOINT_FIELDS);
        assertResolves(j, urls);
    }

    @Test
    void shouldResolveEveryHelpLinkOfThePostBuildAction(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("f");
        DockerWebhookPublisher publisher = new DockerWebhookPublisher();
        publisher.setImages("acme/app:1.0");
        publisher.setInlineEndpoints(List.of(Fixtures.endpoint("inline", "https://inline.example.com/hook")));
        project.getPublishersList().add(publisher);

        Set<String> urls = helpUrls(j.createWebClient().getPage(project, "configure"));

        assertCovers(urls, OPTION_FIELDS);
        assertCovers(urls, ENDPOINT_FIELDS);
        assertResolves(j, urls);
    }

    /** The step's form is only shown by the Snippet Generator; its help URLs are the descriptor's. */
    @Test
    void shouldResolveTheHelpOfTheStepsOwnFieldsAndTheStep(JenkinsRule j) throws Exception {
        Set<String> urls = new TreeSet<>();
        String step = j.contextPath + "/descriptor/" + DockerWebhookStep.class.getName() + "/help";
        urls.add(step);
        for (String field : List.of("waitForCallback", "callbackTimeout")) {
            urls.add(step + "/" + field);
        }
        // The fields the step shares with the post-build action point their f:entry at one file each
        // (Descriptor.getHelpFile); the descriptor's /help/ route knows only class resources.
        for (String field : List.of("images", "inlineEndpoints")) {
            urls.add(j.contextPath + "/plugin/docker-build-webhooks/help/" + field + ".html");
        }
        urls.add(j.contextPath + "/descriptor/" + WebhookEndpoint.class.getName() + "/help/url");

        assertResolves(j, urls);
    }
}
