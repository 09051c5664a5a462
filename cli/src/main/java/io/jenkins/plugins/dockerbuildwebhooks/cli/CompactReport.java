package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code redeliver --compact} dropped and kept, counted by outcome, so the person sees nothing needed went. */
final class CompactReport {
    private CompactReport() {}

    /** E.g. {@code dropped 2 (1 delivered, 1 delivered_redirect); kept 3 (2 failed, 1 unfinished)}. */
    static String describe(Map<Outcome, Integer> before, Map<Outcome, Integer> after) {
        List<String> dropped = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int droppedTotal = 0;
        int keptTotal = 0;
        for (Outcome o : Outcome.values()) {
            int was = before.getOrDefault(o, 0);
            int is = after.getOrDefault(o, 0);
            if (was > is) {
                dropped.add((was - is) + " " + label(o));
                droppedTotal += was - is;
            }
            if (is > 0) {
                kept.add(is + " " + label(o));
                keptTotal += is;
            }
        }
        return "dropped " + droppedTotal + counts(dropped) + "; kept " + keptTotal + counts(kept);
    }

    private static String label(Outcome o) {
        return o == Outcome.PENDING ? "unfinished" : o.name().toLowerCase(Locale.ROOT);
    }

    private static String counts(List<String> parts) {
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
