package io.jenkins.plugins.dockerbuildwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.steps.DockerWebhookPublisher;
import io.jenkins.plugins.dockerbuildwebhooks.steps.DockerWebhookStep;
import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every configurable field has a help file, and docs/jenkins.md explains it: the forms and the
 * user guide cannot drift apart silently. Runs without Jenkins (the module directory is the
 * working directory under Maven).
 */
class HelpAndDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "jenkins.md");
    private static final Path SHARED_HELP = Path.of("src", "main", "webapp", "help");

    /** Fields only the Pipeline step has: a freestyle build cannot wait without holding its executor. */
    private static final List<String> STEP_ONLY = List.of("waitForCallback", "callbackTimeout");

    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                fields.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return fields;
    }

    private static String docs() throws IOException {
        return Files.readString(DOCS, StandardCharsets.UTF_8);
    }

    @Test
    void shouldHaveHelpAndDocsForEveryEndpointField() throws IOException {
        List<String> fields = fields(WebhookEndpoint.class);
        fields.add("id");

        assertThat(fields).hasSizeGreaterThan(8).allSatisfy(f -> {
            assertThat(WebhookEndpoint.class.getResource("WebhookEndpoint/help-" + f + ".html")).as("help for " + f).isNotNull();
            assertThat(docs()).as("docs for " + f).contains("| `" + f + "` |");
        });
    }

    @Test
    void shouldHaveHelpAndDocsForEveryGlobalField() throws IOException {
        List<String> fields = fields(DockerBuildWebhooksConfiguration.class);

        assertThat(fields).hasSizeGreaterThan(6).allSatisfy(f -> {
            assertThat(DockerBuildWebhooksConfiguration.class.getResource("DockerBuildWebhooksConfiguration/help-" + f + ".html"))
                    .as("help for " + f).isNotNull();
            assertThat(docs()).as("docs for " + f).contains("| `" + f + "` |");
        });
    }

    @Test
    void shouldShareOneHelpFileForEveryPublisherAndStepField() throws IOException {
        List<String> fields = fields(DockerWebhookPublisher.class);
        List<String> stepFields = fields(DockerWebhookStep.class);
        stepFields.removeAll(STEP_ONLY);

        assertThat(fields).containsExactlyInAnyOrderElementsOf(stepFields);
        assertThat(fields).hasSizeGreaterThan(9).allSatisfy(f -> {
            assertThat(SHARED_HELP.resolve(f + ".html")).as("help for " + f).exists();
            assertThat(docs()).as("docs for " + f).contains("| `" + f + "` |");
        });
    }

    @Test
    void shouldHaveHelpAndDocsForEveryStepOnlyField() throws IOException {
        assertThat(fields(DockerWebhookStep.class)).containsAll(STEP_ONLY);
        assertThat(STEP_ONLY).allSatisfy(f -> {
            assertThat(DockerWebhookStep.class.getResource("DockerWebhookStep/help-" + f + ".html"))
                    .as("help for " + f).isNotNull();
            assertThat(docs()).as("docs for " + f).contains("| `" + f + "` |");
        });
    }
}
