package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerbuildwebhooks.config.ConfigPermissions;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Pipeline step {@code dockerWebhook}: sends a payload per pushed repository:tag to the chosen
 * endpoints and returns one map per delivery ({@code endpoint}, {@code reference}, {@code outcome},
 * {@code success}, {@code status}, {@code attempts}, {@code deliveryId}, {@code message}) so the
 * Pipeline can act on them. Runs off the CPS thread; outside {@code node} only the {@code images}
 * source (and the console log) is available.
 */
public class DockerWebhookStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Default of {@link #getCallbackTimeout()}: ten minutes. */
    public static final int DEFAULT_CALLBACK_TIMEOUT = 600;

    private final WebhookOptions options = new WebhookOptions();
    private boolean waitForCallback;
    private int callbackTimeout = DEFAULT_CALLBACK_TIMEOUT;

    @DataBoundConstructor
    public DockerWebhookStep() {
        // every parameter is optional
    }

    /** The options as one value, for {@link WebhookNotifier}. */
    public WebhookOptions options() {
        return options;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (!waitForCallback) {
            return new Execution(context, options);
        }
        FailureMode mode = WebhookNotifier.failureMode(options);
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        return new CallbackWaitExecution(context, () -> WebhookNotifier.create().notify(run, workspace, listener, options),
                Duration.ofSeconds(callbackTimeout), mode);
    }

    /**
     * After sending, wait (without holding an executor, across restarts) until every receiver
     * reported back through its callback URL or {@link #getCallbackTimeout()} passed.
     */
    public boolean isWaitForCallback() {
        return waitForCallback;
    }

    @DataBoundSetter
    public void setWaitForCallback(boolean waitForCallback) {
        this.waitForCallback = waitForCallback;
    }

    /** Seconds to wait for callbacks after sending. */
    public int getCallbackTimeout() {
        return callbackTimeout;
    }

    @DataBoundSetter
    public void setCallbackTimeout(int callbackTimeout) {
        this.callbackTimeout = callbackTimeout > 0 ? callbackTimeout : DEFAULT_CALLBACK_TIMEOUT;
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

    /** Runs the notifier on a pool thread and returns the records as plain maps. */
    static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {
        private static final long serialVersionUID = 1L;
        // Not restored, and not needed: after a restart SynchronousNonBlockingStepExecution.onResume() fails
        // the step (SynchronousResumeNotSupportedException), so run() only ever runs on the instance start() made.
        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient WebhookOptions options;

        Execution(StepContext context, WebhookOptions options) {
            super(context);
            this.options = options;
        }

        @Override
        protected List<Map<String, Object>> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            FilePath workspace = context.get(FilePath.class);
            return WebhookNotifier.create().notify(run, workspace, listener, options).stream()
                    .map(DeliveryRecord::toStepResult).collect(Collectors.toCollection(ArrayList::new));
        }
    }

    /** The step's form in the Snippet Generator. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "dockerWebhook";
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerWebhookStep_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
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
