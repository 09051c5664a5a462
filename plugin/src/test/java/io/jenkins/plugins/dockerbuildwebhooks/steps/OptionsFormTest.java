package io.jenkins.plugins.dockerbuildwebhooks.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Help URLs of the shared form; runs without Jenkins. */
class OptionsFormTest {

    @Test
    void shouldLeaveTheHelpOfTheWholeStepToJenkins() {
        // Descriptor.getHelpFile() asks with a null field name (post-build action list, Pipeline Syntax)
        assertThat(OptionsForm.helpFile(null)).isEmpty();
    }

    @Test
    void shouldPointSharedFieldsAtTheOneHelpFile() {
        assertThat(OptionsForm.helpFile("images")).contains("/plugin/docker-build-webhooks/help/images.html");
        assertThat(OptionsForm.helpFile("waitForCallback")).isEmpty();
    }
}
