package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveriesAction;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the callbacks a waiting {@code dockerWebhook} step asked for stand, read from the build's
 * records: still waiting, or done with each delivery's result (its callback state included) and the
 * problems that make the step fail or the build unstable.
 */
final class CallbackTally {
    /** Callback state of a delivery that asked for none or was not delivered. */
    static final String NO_CALLBACK = CallbackWaitExecution.NO_CALLBACK;
    /** Callback state of a delivery whose receiver did not report in time. */
    static final String TIMED_OUT = CallbackWaitExecution.TIMED_OUT;

    final boolean waiting;
    final List<Map<String, Object>> results;
    final List<String> problems;

    private CallbackTally(boolean waiting, List<Map<String, Object>> results, List<String> problems) {
        this.waiting = waiting;
        this.results = results;
        this.problems = problems;
    }

    /**
     * Counts {@code ids} on the build's records ({@code action}; null when the build has none); after the
     * deadline a missing report is a timeout.
     */
    static CallbackTally of(List<String> ids, @CheckForNull DeliveriesAction action, boolean timeUp) {
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean waiting = false;
        for (String id : ids) {
            Optional<DeliveryRecord> record = action == null ? Optional.empty() : action.latestAttemptOf(id);
            Optional<String> known = state(record);
            if (known.isEmpty() && !timeUp) {
                waiting = true;
                continue;
            }
            String state = known.orElse(TIMED_OUT);
            results.add(result(id, record, state));
            if (!state.equals("success")) {
                problems.add(id + ": " + describe(record, state));
            }
        }
        return new CallbackTally(waiting, results, problems);
    }

    /** The callback state, {@link #NO_CALLBACK} when none can come, empty while one may still come. */
    private static Optional<String> state(Optional<DeliveryRecord> record) {
        if (record.isEmpty()) {
            return Optional.of(NO_CALLBACK);
        }
        DeliveryRecord r = record.get();
        CallbackReport report = r.getCallback();
        if (report != null) {
            return Optional.of(report.state().wireName());
        }
        if (!r.isCallbackExpected() || (!r.isPending() && !r.isSuccess())) {
            return Optional.of(NO_CALLBACK);
        }
        return Optional.empty();
    }

    private static String describe(Optional<DeliveryRecord> record, String state) {
        if (state.equals(TIMED_OUT)) {
            return "no callback in time";
        }
        if (state.equals(NO_CALLBACK)) {
            return record.map(r -> r.isSkipped() ? "not sent: " + r.getMessage()
                    : r.isCallbackExpected() ? "not delivered (" + r.getOutcome() + ")"
                    : "its payload asked for no callback (enable callbacks on the endpoint and set the Jenkins URL)")
                    .orElse("no record");
        }
        CallbackReport report = record.map(DeliveryRecord::getCallback).orElseThrow();
        return "receiver reported " + state + (report.description().isEmpty() ? "" : ": " + report.description());
    }

    private static Map<String, Object> result(String id, Optional<DeliveryRecord> record, String state) {
        Map<String, Object> m = new LinkedHashMap<>();
        record.ifPresent(r -> m.putAll(r.toStepResult()));
        m.put("deliveryId", record.map(DeliveryRecord::getDeliveryId).orElse(id));
        m.put("callbackState", state);
        CallbackReport report = record.map(DeliveryRecord::getCallback).orElse(null);
        m.put("callbackDescription", report == null ? "" : report.description());
        m.put("callbackContext", report == null ? "" : report.context());
        m.put("callbackTargetUrl", report == null ? "" : report.targetUrl().orElse(""));
        return m;
    }
}
