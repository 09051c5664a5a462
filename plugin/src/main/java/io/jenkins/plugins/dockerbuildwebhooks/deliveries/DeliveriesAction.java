package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.RunAction2;

/**
 * The build's "Docker webhooks" page and its summary on the build page: every delivery with its
 * attempts, statuses, latencies, response excerpts and the payload sent (masked).
 *
 * <p>Several notifications in one build add to the same action. {@link #update(DeliveryRecord)}
 * replaces a record by delivery id, so deliveries finished after the build stopped waiting (or
 * redelivered) can be brought up to date.
 */
public class DeliveriesAction implements RunAction2 {
    private final List<DeliveryRecord> records = new ArrayList<>();
    private transient Run<?, ?> run;

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
        return "Docker webhooks";
    }

    @Override
    public String getUrlName() {
        return "docker-webhooks";
    }

    /** Adds records and saves the build. */
    public void addAll(List<DeliveryRecord> added) throws IOException {
        synchronized (records) {
            records.addAll(added);
        }
        save();
    }

    /** Replaces the record with the same delivery id (and endpoint), or adds it; saves the build. */
    public void update(DeliveryRecord record) throws IOException {
        synchronized (records) {
            int index = indexOf(record.getDeliveryId(), record.getEndpointId());
            if (index < 0) {
                records.add(record);
            } else {
                records.set(index, record);
            }
        }
        save();
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

    private void save() throws IOException {
        if (run != null) {
            run.save();
        }
    }

    public List<DeliveryRecord> getRecords() {
        synchronized (records) {
            return List.copyOf(records);
        }
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

    public int getFailedCount() {
        return getRecords().size() - getDeliveredCount() - getPendingCount();
    }
}
