package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsLookup;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveriesAction;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryService;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.EndpointResolver;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.NetworkSettings;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.PlannedDelivery;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.ResolvedEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryFilter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PushedTag;
import io.jenkins.plugins.dockerbuildwebhooks.steps.DeliveryPlan.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The one entry point of the post-build action and the Pipeline step: collect the images, pick the
 * endpoints, write each pushed repository:tag in each endpoint's format ({@link DeliveryPlan}),
 * hand the deliveries to the {@link DeliveryService}, wait for them up to the wait time, record
 * them (and the tags a format refused) on the build and apply the failure mode.
 */
public final class WebhookNotifier {
    private static final Logger LOGGER = Logger.getLogger(WebhookNotifier.class.getName());
    static final String PREFIX = "[Docker webhooks] ";

    private final DockerBuildWebhooksConfiguration config;
    private final DeliveryService service;
    private final Clock clock;

    public WebhookNotifier(DockerBuildWebhooksConfiguration config, DeliveryService service, Clock clock) {
        this.config = config;
        this.service = service;
        this.clock = clock;
    }

    /** With the configuration, service and clock Jenkins runs with. */
    public static WebhookNotifier create() {
        return new WebhookNotifier(DockerBuildWebhooksConfiguration.get(), DeliveryService.get(), Clock.systemUTC());
    }

    /**
     * Sends the notification and returns every delivery's record (pending ones included when the
     * wait time ran out).
     *
     * @throws AbortException on bad input (unknown endpoint, missing file or credentials, invalid
     *     reference), naming it; and, with failure mode {@code failure}, when a delivery failed
     */
    public List<DeliveryRecord> notify(Run<?, ?> run, @CheckForNull FilePath workspace, TaskListener listener,
            WebhookOptions options) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        FailureMode failureMode = failureMode(options);
        List<Target> targets = targets(run, options, log);
        if (targets.isEmpty()) {
            log.println(PREFIX + "No endpoint to send to: configure one under Manage Jenkins → System, or give inlineEndpoints.");
            return List.of();
        }
        List<BuiltImage> images = new ImageSourceReader(run, workspace).read(options, listener);
        if (images.isEmpty()) {
            log.println(PREFIX + "No Docker images found in the given sources; nothing to send.");
            return List.of();
        }
        DeliveryPlan plan = DeliveryPlan.of(targets, PushedTag.of(images, clock), facts(run, options));
        if (plan.isEmpty()) {
            log.println(PREFIX + "No endpoint's repository filter accepts the images found; nothing to send.");
            return List.of();
        }
        List<PlannedDelivery> planned = plan.deliveries();
        log.println(PREFIX + "Sending " + planned.size() + (planned.size() == 1 ? " delivery" : " deliveries") + " for "
                + plan.tagCount() + (plan.tagCount() == 1 ? " image tag" : " image tags") + ".");
        List<CompletableFuture<DeliveryRecord>> futures;
        try {
            futures = planned.isEmpty() ? List.of() : service.submitAll(run, planned, Math.max(1, config.getMaxAttempts()));
        } catch (IllegalArgumentException e) {
            // e.g. an allow-list entry core cannot read: the message names it
            throw new AbortException("Docker webhooks cannot be sent: " + e.getMessage());
        }
        Awaited awaited = await(planned, futures, waitSeconds(options));
        List<DeliveryRecord> sent = markCallbacks(planned, awaited.records());
        DeliveriesAction action = DeliveriesAction.of(run);
        List<DeliveryRecord> records = new ArrayList<>(sent);
        records.addAll(plan.skipped());
        action.addAll(records);
        keepUpToDate(action, sent, futures);
        for (DeliveryRecord r : records) {
            log.println(PREFIX + r.consoleLine());
        }
        if (awaited.interrupted()) {
            // the build was aborted while waiting: deliveries go on and the page records them
            throw new InterruptedException("aborted while waiting for Docker webhook deliveries");
        }
        applyFailureMode(run, log, failureMode, records);
        return records;
    }

    /** The options' failure mode; an unknown one stops the notification with the valid names. */
    static FailureMode failureMode(WebhookOptions options) throws AbortException {
        try {
            return FailureMode.fromId(options.getFailureMode());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private int waitSeconds(WebhookOptions options) {
        Integer wait = options.getWaitSeconds();
        return wait != null ? wait : Math.max(0, config.getWaitSeconds());
    }

    private List<Target> targets(Run<?, ?> run, WebhookOptions options, PrintStream log) throws AbortException {
        List<Target> targets = new ArrayList<>();
        EndpointResolver global = new EndpointResolver(CredentialsLookup.global(run), config);
        List<String> ids = options.endpointIds();
        if (ids.isEmpty() && options.getInlineEndpoints().isEmpty()) {
            for (WebhookEndpoint e : config.getEndpoints()) {
                if (e.isEnabled()) {
                    targets.add(target(global, e, options));
                }
            }
        }
        for (String id : ids) {
            WebhookEndpoint e = config.findEndpoint(id).orElseThrow(() -> new AbortException(
                    "No global webhook endpoint has the id \"" + id + "\" (configured: " + configuredIds() + ")"));
            if (e.isEnabled()) {
                targets.add(target(global, e, options));
            } else {
                log.println(PREFIX + "Endpoint \"" + id + "\" is disabled; nothing is sent to it.");
            }
        }
        // Inline endpoints come from the job: their credentials are looked up as the build, not as the system.
        EndpointResolver inline = new EndpointResolver(CredentialsLookup.forRun(run), config);
        for (WebhookEndpoint e : options.getInlineEndpoints()) {
            if (e.isEnabled()) {
                targets.add(target(inline, e, options));
            }
        }
        return targets;
    }

    private String configuredIds() {
        List<String> ids = config.getEndpoints().stream().map(WebhookEndpoint::getId).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static Target target(EndpointResolver resolver, WebhookEndpoint e, WebhookOptions options)
            throws AbortException {
        try {
            RepositoryFilter filter = RepositoryFilter.parse(e.getRepositories());
            ResolvedEndpoint resolved = resolver.resolve(e);
            // a notification's profile applies to every endpoint; each keeps its CDEvents spec and CloudEvents mode
            return new Target(resolved, filter, resolved.format(options.getPayloadProfile()), e.isCallbacks());
        } catch (IllegalArgumentException ex) {
            throw new AbortException("Endpoint \"" + e.getId() + "\": " + ex.getMessage());
        }
    }

    /** What fills the messages; {@link DeliveryPlan} adds the per-delivery callback URLs. */
    private PayloadFacts.Builder facts(Run<?, ?> run, WebhookOptions options) {
        String pusher = options.getPusher();
        if (pusher.isEmpty()) {
            Cause.UserIdCause user = run.getCause(Cause.UserIdCause.class);
            pusher = user != null && user.getUserId() != null ? user.getUserId() : config.getDefaultPusher();
        }
        PayloadFacts.Builder facts = PayloadFacts.builder(pusher).includeDigest(options.isIncludeDigest())
                .userAgent(NetworkSettings.userAgent());
        try {
            facts.eventSource(eventSource(run));
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.FINE, "the build's URL cannot be an event source; using the default", e);
        }
        return facts;
    }

    /** The build's absolute URL, the events' source; null (core's default) without a Jenkins URL. */
    @CheckForNull
    private static String eventSource(Run<?, ?> run) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        String root = jenkins == null ? null : jenkins.getRootUrl();
        return root == null || root.isBlank() ? null : root + run.getUrl();
    }

    /** The records, each noting whether its payload asked the receiver for a callback. */
    private static List<DeliveryRecord> markCallbacks(List<PlannedDelivery> planned, List<DeliveryRecord> records) {
        List<DeliveryRecord> marked = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            marked.add(records.get(i).withCallbackExpected(planned.get(i).asksForCallback()));
        }
        return marked;
    }

    /** Records after waiting, and whether the wait was interrupted (the build aborted). */
    private record Awaited(List<DeliveryRecord> records, boolean interrupted) {}

    /**
     * The records of deliveries finished within {@code waitSeconds}; pending records for the rest,
     * also when interrupted (the interrupt is reported, not re-raised, so the records can still be
     * saved: file writes fail on an interrupted thread).
     */
    private static Awaited await(List<PlannedDelivery> planned,
            List<CompletableFuture<DeliveryRecord>> futures, int waitSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        boolean interrupted = false;
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            long left = interrupted ? 0 : Math.max(0, deadline - System.nanoTime());
            try {
                records.add(futures.get(i).get(left, TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                interrupted = true;
                records.add(planned.get(i).pendingRecord());
            } catch (TimeoutException e) {
                records.add(planned.get(i).pendingRecord());
            } catch (ExecutionException e) {
                LOGGER.log(Level.WARNING, "delivery " + planned.get(i).deliveryId() + " failed unexpectedly", e.getCause());
                records.add(planned.get(i).failedRecord("FAILED", "internal error: " + e.getCause()));
            }
        }
        return new Awaited(records, interrupted);
    }

    /** Deliveries still under way update the build's record when they finish. */
    private static void keepUpToDate(DeliveriesAction action, List<DeliveryRecord> records,
            List<CompletableFuture<DeliveryRecord>> futures) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).isPending()) {
                futures.get(i).thenAccept(done -> {
                    try {
                        action.update(done);
                    } catch (IOException e) {
                        LOGGER.log(Level.WARNING, "could not save delivery " + done.getDeliveryId(), e);
                    }
                });
            }
        }
    }

    private static void applyFailureMode(Run<?, ?> run, PrintStream log, FailureMode mode, List<DeliveryRecord> records)
            throws AbortException {
        long failed = records.stream().filter(r -> !r.isSuccess() && !r.isPending()).count();
        long pending = records.stream().filter(DeliveryRecord::isPending).count();
        if (pending > 0) {
            log.println(PREFIX + pending + " still being delivered after the wait time; see the build's Docker webhooks page.");
        }
        if (failed == 0) {
            return;
        }
        long skipped = records.stream().filter(DeliveryRecord::isSkipped).count();
        String summary = failed + " of " + records.size() + " Docker webhook deliveries failed"
                + (skipped == 0 ? "" : " (" + skipped + " of them not sent: see the SKIPPED lines)");
        switch (mode) {
            case NEVER -> log.println(PREFIX + summary + " (failureMode: never).");
            case UNSTABLE -> {
                log.println(PREFIX + summary + ": marking the build unstable.");
                run.setResult(Result.UNSTABLE);
            }
            case FAILURE -> throw new AbortException(summary + ".");
        }
    }
}
