package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveriesAction;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.CallbackListener;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * {@code dockerWebhook(waitForCallback: true)}: sends like the plain step, then waits, without
 * holding an executor or a thread, until every delivery has a callback report or the callback
 * timeout has passed; then ends per the {@link FailureMode} (a missing or non-{@code success}
 * callback counts as a failure) and returns each delivery's result with its callback state.
 *
 * <p>It survives a restart: only the delivery ids, the deadline and the failure mode are kept
 * (serializable), the reports themselves are on the build's {@link DeliveriesAction}. Callback
 * reports, and deliveries that end after the build stopped waiting for them, wake it through
 * {@link Wakeup}; the timeout is a {@link Timer} task, re-armed from the stored deadline on
 * {@link #onResume()}.
 */
public final class CallbackWaitExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CallbackWaitExecution.class.getName());
    @CheckForNull
    private static ExecutorService senders; // made on first use

    /** Callback state of a delivery that asked for none or was not delivered. */
    public static final String NO_CALLBACK = "none";
    /** Callback state of a delivery whose receiver did not report in time. */
    public static final String TIMED_OUT = "timeout";

    /** Sends the deliveries (waiting up to the step's wait time) and returns their records. */
    @FunctionalInterface
    public interface Sending {
        List<DeliveryRecord> send() throws Exception;
    }

    private final long timeoutMillis;
    private final FailureMode failureMode;
    @CheckForNull
    private List<String> deliveryIds; // null while sending
    private long deadlineMillis;
    private transient Sending sending;
    @CheckForNull
    private transient volatile Future<?> sendTask; // while sending
    @CheckForNull
    private transient ScheduledFuture<?> timer; // once waiting
    private transient boolean finished;

    public CallbackWaitExecution(@NonNull StepContext context, Sending sending, Duration timeout, FailureMode failureMode) {
        super(context);
        this.sending = sending;
        this.timeoutMillis = timeout.toMillis();
        this.failureMode = failureMode;
    }

    @Override
    public boolean start() {
        Authentication auth = Jenkins.getAuthentication2();
        sendTask = senders().submit(() -> {
            try (ACLContext ignored = ACL.as2(auth)) {
                List<DeliveryRecord> records = sending.send();
                List<String> ids = new ArrayList<>();
                records.forEach(r -> ids.add(r.getDeliveryId()));
                synchronized (this) {
                    deliveryIds = ids;
                    deadlineMillis = System.currentTimeMillis() + timeoutMillis;
                }
                log("Waiting up to " + Duration.ofMillis(timeoutMillis).toSeconds() + " s for callbacks of "
                        + ids.size() + (ids.size() == 1 ? " delivery" : " deliveries"));
                check();
                armTimer();
            } catch (Throwable t) {
                finishWith(t);
            } finally {
                sendTask = null;
            }
        });
        return false;
    }

    @Override
    public void onResume() {
        boolean sent;
        synchronized (this) {
            sent = deliveryIds != null;
        }
        if (!sent) {
            finishWith(new AbortException("Jenkins restarted while the deliveries were being sent, so it is not known"
                    + " which callbacks to wait for; see the build's \"Docker webhooks\" page"));
            return;
        }
        check();
        armTimer();
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        Future<?> task = sendTask;
        if (task != null) {
            task.cancel(true);
        }
        finishWith(cause);
    }

    @Override
    public boolean blocksRestart() {
        // While sending, a restart would lose which deliveries to wait for; afterwards it is safe.
        // isDone: the task may end (and clear the field) before submit() has returned and set it.
        Future<?> task = sendTask;
        return task != null && !task.isDone();
    }

    @Override
    public String getStatus() {
        synchronized (this) {
            List<String> ids = deliveryIds;
            if (ids == null) {
                return "sending";
            }
            return "waiting for callbacks of " + ids.size() + " deliveries until " + Instant.ofEpochMilli(deadlineMillis);
        }
    }

    private void armTimer() {
        synchronized (this) {
            if (finished || deliveryIds == null) {
                return;
            }
            long delay = Math.max(0, deadlineMillis - System.currentTimeMillis());
            timer = Timer.get().schedule(this::check, delay + 50, TimeUnit.MILLISECONDS);
        }
    }

    /** Re-reads the build's records; ends the step when every callback is in or the time is up. */
    void check() {
        List<String> ids;
        long deadline;
        synchronized (this) {
            List<String> sent = deliveryIds;
            if (finished || sent == null) {
                return;
            }
            ids = List.copyOf(sent);
            deadline = deadlineMillis;
        }
        try {
            Run<?, ?> run = getContext().get(Run.class);
            DeliveriesAction action = run == null ? null : run.getAction(DeliveriesAction.class);
            CallbackTally tally = CallbackTally.of(ids, action, System.currentTimeMillis() >= deadline);
            if (tally.waiting) {
                return;
            }
            finishWith(tally.results, tally.problems, run);
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "checking callbacks failed", e);
            finishWith(e);
        }
    }

    private void finishWith(List<Map<String, Object>> results, List<String> problems, Run<?, ?> run)
            throws IOException, InterruptedException {
        if (!markFinished()) {
            return;
        }
        if (problems.isEmpty()) {
            log("Every receiver reported success");
            getContext().onSuccess(results);
            return;
        }
        String message = "Callbacks not successful: " + String.join("; ", problems);
        switch (failureMode) {
            case FAILURE:
                getContext().onFailure(new AbortException(message));
                return;
            case UNSTABLE:
                log(message);
                if (run != null) {
                    run.setResult(Result.UNSTABLE);
                }
                getContext().onSuccess(results);
                return;
            default:
                log(message);
                getContext().onSuccess(results);
        }
    }

    private void finishWith(Throwable t) {
        if (markFinished()) {
            getContext().onFailure(t);
        }
    }

    private synchronized boolean markFinished() {
        if (finished) {
            return false;
        }
        finished = true;
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        return true;
    }

    private void log(String line) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println("[dockerWebhook] " + line);
            }
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "cannot log to the build", e);
        }
    }

    private static synchronized ExecutorService senders() {
        ExecutorService pool = senders;
        if (pool == null) {
            pool = Executors.newCachedThreadPool(
                    new NamingThreadFactory(new DaemonThreadFactory(), "dockerWebhook callback wait"));
            senders = pool;
        }
        return pool;
    }

    /** Wakes the waiting executions of a build when one of its deliveries got a report or ended. */
    @Extension
    public static final class Wakeup implements CallbackListener {
        @Override
        public void changed(String runId, String deliveryId) {
            StepExecution.acceptAll(CallbackWaitExecution.class, execution -> {
                try {
                    Run<?, ?> run = execution.getContext().get(Run.class);
                    if (run != null && run.getExternalizableId().equals(runId)) {
                        execution.check();
                    }
                } catch (IOException | InterruptedException e) {
                    LOGGER.log(Level.FINE, "cannot tell which build a waiting step belongs to", e);
                }
            });
        }
    }
}
