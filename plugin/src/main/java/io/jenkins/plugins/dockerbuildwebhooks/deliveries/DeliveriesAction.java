package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The build's "Docker webhooks" page and its summary on the build page: every delivery with its
 * attempts, statuses, latencies, response excerpts and the payload sent (masked).
 *
 * <p>Several notifications in one build add to the same action. {@link #update(DeliveryRecord)}
 * replaces a record by delivery id, so deliveries finished after the build stopped waiting (or
 * redelivered) can be brought up to date.
 */
public class DeliveriesAction implements RunAction2 {
    // Copy-on-write: the build may be saved (serialised) while a late delivery updates its record.
    private final List<DeliveryRecord> records = new CopyOnWriteArrayList<>();
    private transient @CheckForNull Run<?, ?> run;

    /** The action of {@code run}, added if it has none yet. */
    public static synchronized DeliveriesAction of(Run<?, ?> run) {
        DeliveriesAction action = run.getAction(DeliveriesAction.class);
        if (action == null) {
            action = new DeliveriesAction();
            run.addAction(action);
        }
        return action;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-paper-plane-outline";
    }

    @Override
    public String getDisplayName() {
        return Messages.DeliveriesAction_displayName();
    }

    @Override
    public String getUrlName() {
        return "docker-webhooks";
    }

    /**
     * Adds records and saves the build. A record whose delivery is already listed (e.g. the outbox
     * listed it as pending when it was handed over) brings that one up to date instead. When that
     * changes nothing (the outbox already saved these results) the build is not saved again:
     * with 50 deliveries, build.xml is large.
     */
    public void addAll(List<DeliveryRecord> added) throws IOException {
        boolean changed = false;
        synchronized (records) {
            for (DeliveryRecord record : added) {
                // skipped tags have no delivery id: each is its own record
                int index = record.isSkipped() ? -1 : indexOf(record.getDeliveryId(), record.getEndpointId());
                changed |= merge(index, record);
            }
        }
        if (changed) {
            save();
        }
    }

    /**
     * Replaces the record with the same delivery id (and endpoint), keeping its callback report and
     * redelivery link, or adds it; saves the build if that changed anything.
     */
    public void update(DeliveryRecord record) throws IOException {
        boolean changed;
        synchronized (records) {
            changed = merge(indexOf(record.getDeliveryId(), record.getEndpointId()), record);
        }
        if (changed) {
            save();
        }
    }

    /** Adds {@code record} or brings the one at {@code index} up to date; whether anything changed. */
    private boolean merge(int index, DeliveryRecord record) {
        if (index < 0) {
            records.add(record);
            return true;
        }
        // keep what arrived meanwhile and only the stored record knows (callback report, redelivery link)
        DeliveryRecord merged = records.get(index).updatedBy(record);
        if (merged.equals(records.get(index))) {
            return false;
        }
        records.set(index, merged);
        return true;
    }

    private int indexOf(String deliveryId, String endpointId) {
        for (int i = 0; i < records.size(); i++) {
            DeliveryRecord r = records.get(i);
            if (r.getDeliveryId().equals(deliveryId) && r.getEndpointId().equals(endpointId)) {
                return i;
            }
        }
        return -1;
    }

    void save() throws IOException {
        if (run != null) {
            run.save();
        }
    }

    public List<DeliveryRecord> getRecords() {
        return List.copyOf(records);
    }

    public Optional<DeliveryRecord> find(String deliveryId) {
        return getRecords().stream().filter(r -> r.getDeliveryId().equals(deliveryId)).findFirst();
    }

    public int getDeliveredCount() {
        return (int) getRecords().stream().filter(DeliveryRecord::isSuccess).count();
    }

    public int getPendingCount() {
        return (int) getRecords().stream().filter(DeliveryRecord::isPending).count();
    }

    /** Tags the format could not describe (no registry digest, say): never sent, so not failed either. */
    public int getSkippedCount() {
        return (int) getRecords().stream().filter(DeliveryRecord::isSkipped).count();
    }

    public int getFailedCount() {
        return getRecords().size() - getDeliveredCount() - getPendingCount() - getSkippedCount();
    }

    /**
     * Changes the record of {@code deliveryId} atomically (a result and a callback may arrive at
     * the same time) and saves the build; false when there is no such record.
     */
    public boolean modify(String deliveryId, UnaryOperator<DeliveryRecord> change) throws IOException {
        if (!change(deliveryId, change)) {
            return false;
        }
        save();
        return true;
    }

    /**
     * {@link #modify} without saving: for the outbox, which saves the build once for the results
     * that came in together; false when there is no such record.
     */
    boolean change(String deliveryId, UnaryOperator<DeliveryRecord> change) {
        synchronized (records) {
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).getDeliveryId().equals(deliveryId)) {
                    records.set(i, change.apply(records.get(i)));
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The receivers' reports for the build page, e.g. {@code 2 success, 1 failure, 1 awaited};
     * empty when no delivery asked for a callback.
     */
    public String getCallbackSummary() {
        Map<String, Integer> counts = new TreeMap<>();
        int awaited = 0;
        for (DeliveryRecord r : getRecords()) {
            CallbackReport report = r.getCallback();
            if (report != null) {
                counts.merge(report.state().wireName(), 1, Integer::sum);
            } else if (r.isCallbackExpected() && (r.isPending() || r.isSuccess())) {
                awaited++;
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((state, n) -> parts.add(n + " " + state));
        if (awaited > 0) {
            parts.add(awaited + " awaited");
        }
        return String.join(", ", parts);
    }

    /**
     * Records that are neither delivered nor still pending, nor skipped (never sent): what
     * "Redeliver failed" sends again.
     */
    public List<DeliveryRecord> getFailedRecords() {
        return getRecords().stream().filter(r -> !r.isSuccess() && !r.isPending() && !r.isSkipped()).toList();
    }

    /** The latest redelivery of {@code deliveryId} (following chains), or the record itself. */
    public Optional<DeliveryRecord> latestAttemptOf(String deliveryId) {
        Optional<DeliveryRecord> current = find(deliveryId);
        for (int hops = 0; current.isPresent() && hops < 100; hops++) {
            String id = current.get().getDeliveryId();
            Optional<DeliveryRecord> next = getRecords().stream()
                    .filter(r -> id.equals(r.getRedeliveryOf()))
                    .reduce((first, second) -> second);
            if (next.isEmpty()) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * Sends one delivery again as a new delivery pointing to the original ("Redeliver" button).
     * Needs Item/Build on the job, like starting a build would.
     */
    @POST
    public HttpResponse doRedeliver(@QueryParameter String id) throws IOException {
        Run<?, ?> r = requireRunAndBuildPermission();
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            // never echo a malformed id back into the error page
            return HttpResponses.errorWithoutStack(404, "No such delivery");
        }
        try {
            DeliveryOutbox.get().redeliver(r, id);
        } catch (AbortException e) {
            return HttpResponses.errorWithoutStack(404, e.getMessage());
        }
        return HttpResponses.redirectToDot();
    }

    /**
     * Sends every failed delivery of this build again ("Redeliver failed"), skipping failures that
     * were already redelivered. One that cannot be sent again does not stop the others; the answer
     * then names it.
     */
    @POST
    public HttpResponse doRedeliverFailed() throws IOException {
        Run<?, ?> r = requireRunAndBuildPermission();
        List<String> refused = new ArrayList<>();
        for (DeliveryRecord failed : getFailedRecords()) {
            if (hasRedelivery(failed.getDeliveryId())) {
                continue; // already sent again; its redelivery is redelivered instead if that failed too
            }
            try {
                DeliveryOutbox.get().redeliver(r, failed.getDeliveryId());
            } catch (AbortException e) {
                refused.add(e.getMessage());
            }
        }
        return refused.isEmpty() ? HttpResponses.redirectToDot()
                : HttpResponses.errorWithoutStack(409, String.join(" ", refused));
    }

    /** Whether the current user may press the redeliver buttons (the page hides them otherwise). */
    public boolean isRedeliverAllowed() {
        return run != null && run.getParent().hasPermission(Item.BUILD);
    }

    private boolean hasRedelivery(String deliveryId) {
        return getRecords().stream().anyMatch(r -> deliveryId.equals(r.getRedeliveryOf()));
    }

    private Run<?, ?> requireRunAndBuildPermission() {
        Run<?, ?> r = run;
        if (r == null) {
            throw HttpResponses.notFound();
        }
        r.getParent().checkPermission(Item.BUILD);
        return r;
    }
}
