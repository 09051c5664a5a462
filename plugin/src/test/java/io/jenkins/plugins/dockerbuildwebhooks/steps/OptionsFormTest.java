package io.jenkins.plugins.dockerbuildwebhooks.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Help URLs and checks of the shared form; runs without Jenkins. */
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

    @Test
    void shouldAcceptBuildVariablesInImagesButStillCheckTheRest() {
        // seen in the live check: the form flagged what the build expands before it sends
        assertThat(OptionsForm.checkImages("${DBW_REGISTRY}/demo/live:${BUILD_NUMBER}").kind)
                .isEqualTo(hudson.util.FormValidation.Kind.OK);
        assertThat(OptionsForm.checkImages("$REGISTRY/acme/app:$TAG").kind).isEqualTo(hudson.util.FormValidation.Kind.OK);
        assertThat(OptionsForm.checkImages("${REGISTRY}/Acme/app:1").kind)
                .as("upper case in the repository is wrong whatever the variable holds")
                .isEqualTo(hudson.util.FormValidation.Kind.ERROR);
        assertThat(OptionsForm.checkImages("acme/app:-bad").kind).isEqualTo(hudson.util.FormValidation.Kind.ERROR);
    }
}
