package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerbuildwebhooks.config.ConfigPermissions;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Post-build action "Send Docker build webhooks": after a freestyle build, sends a payload per
 * pushed repository:tag to the chosen endpoints. In Pipeline use the {@code dockerWebhook} step,
 * which returns the results; this action's symbol ({@code sendDockerWebhooks}) differs from it on
 * purpose, since step function names take precedence over symbols.
 */
public class DockerWebhookPublisher extends Recorder implements SimpleBuildStep {
    private final WebhookOptions options = new WebhookOptions();

    @DataBoundConstructor
    public DockerWebhookPublisher() {
        // every parameter is optional
    }

    /** The options as one value, for {@link WebhookNotifier}. */
    public WebhookOptions options() {
        return options;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        WebhookNotifier.create().notify(run, workspace, listener, options.expand(env));
    }

    /** Builds of a job may notify concurrently: nothing here depends on the previous build. */
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    public String getEndpoints() {
        return options.getEndpoints();
    }

    @DataBoundSetter
    public void setEndpoints(String endpoints) {
        options.setEndpoints(endpoints);
    }

    public List<WebhookEndpoint> getInlineEndpoints() {
        return options.getInlineEndpoints();
    }

    @DataBoundSetter
    public void setInlineEndpoints(List<WebhookEndpoint> inlineEndpoints) {
        options.setInlineEndpoints(inlineEndpoints);
    }

    public String getImages() {
        return options.getImages();
    }

    @DataBoundSetter
    public void setImages(String images) {
        options.setImages(images);
    }

    public String getIidFile() {
        return options.getIidFile();
    }

    @DataBoundSetter
    public void setIidFile(String iidFile) {
        options.setIidFile(iidFile);
    }

    public String getMetadataFile() {
        return options.getMetadataFile();
    }

    @DataBoundSetter
    public void setMetadataFile(String metadataFile) {
        options.setMetadataFile(metadataFile);
    }

    public String getDigestFile() {
        return options.getDigestFile();
    }

    @DataBoundSetter
    public void setDigestFile(String digestFile) {
        options.setDigestFile(digestFile);
    }

    public String getManifestFile() {
        return options.getManifestFile();
    }

    @DataBoundSetter
    public void setManifestFile(String manifestFile) {
        options.setManifestFile(manifestFile);
    }

    public boolean isScanConsoleLog() {
        return options.isScanConsoleLog();
    }

    @DataBoundSetter
    public void setScanConsoleLog(boolean scanConsoleLog) {
        options.setScanConsoleLog(scanConsoleLog);
    }

    public boolean isIncludeDigest() {
        return options.isIncludeDigest();
    }

    @DataBoundSetter
    public void setIncludeDigest(boolean includeDigest) {
        options.setIncludeDigest(includeDigest);
    }

    public String getPayloadProfile() {
        return options.getPayloadProfile();
    }

    @DataBoundSetter
    public void setPayloadProfile(String payloadProfile) {
        options.setPayloadProfile(payloadProfile);
    }

    public String getPusher() {
        return options.getPusher();
    }

    @DataBoundSetter
    public void setPusher(String pusher) {
        options.setPusher(pusher);
    }

    public String getFailureMode() {
        return options.getFailureMode();
    }

    @DataBoundSetter
    public void setFailureMode(String failureMode) {
        options.setFailureMode(failureMode);
    }

    @CheckForNull
    public Integer getWaitSeconds() {
        return options.getWaitSeconds();
    }

    @DataBoundSetter
    public void setWaitSeconds(@CheckForNull Integer waitSeconds) {
        options.setWaitSeconds(waitSeconds);
    }

    /** The post-build action's form. */
    @Extension
    @Symbol("sendDockerWebhooks")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerWebhookPublisher_displayName();
        }

        @Override
        public @CheckForNull String getHelpFile(@CheckForNull String fieldName) {
            return OptionsForm.helpFile(fieldName).orElseGet(() -> super.getHelpFile(fieldName));
        }

        @POST
        public FormValidation doCheckEndpoints(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            ConfigPermissions.checkConfigure(item);
            return OptionsForm.checkEndpoints(value);
        }

        @POST
        public FormValidation doCheckImages(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            ConfigPermissions.checkConfigure(item);
            return OptionsForm.checkImages(value);
        }

        @POST
        public FormValidation doCheckWaitSeconds(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            ConfigPermissions.checkConfigure(item);
            return OptionsForm.checkWaitSeconds(value);
        }

        @POST
        public FormValidation doCheckFailureMode(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            ConfigPermissions.checkConfigure(item);
            return OptionsForm.checkFailureMode(value);
        }

        @POST
        public ListBoxModel doFillPayloadProfileItems(@AncestorInPath @CheckForNull Item item) {
            ConfigPermissions.checkConfigure(item);
            return OptionsForm.payloadProfiles();
        }

        @POST
        public ListBoxModel doFillFailureModeItems(@AncestorInPath @CheckForNull Item item) {
            ConfigPermissions.checkConfigure(item);
            return OptionsForm.failureModes();
        }
    }
}
