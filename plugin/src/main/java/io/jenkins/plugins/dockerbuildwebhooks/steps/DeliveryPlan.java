package io.jenkins.plugins.dockerbuildwebhooks.steps;

import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryRecord;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.PlannedDelivery;
import io.jenkins.plugins.dockerbuildwebhooks.deliveries.ResolvedEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryFilter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatOptions;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatWriter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Message;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PushedTag;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Rendering;
import java.util.ArrayList;
import java.util.List;

/**
 * What one notification sends: each pushed tag, for every endpoint whose repository filter accepts
 * it, in that endpoint's format, as planned deliveries (a format may write several messages for a
 * tag, e.g. one CDEvent per platform); and the tags a format refused (no registry digest for an
 * event that must name one), as skipped records with core's reason. The formats and their refusals
 * are core's ({@link FormatWriter}); this class only pairs tags with endpoints.
 */
final class DeliveryPlan {
    /** An endpoint to send to, with the filter and format that apply and whether it asks for callbacks. */
    record Target(ResolvedEndpoint endpoint, RepositoryFilter filter, FormatOptions format, boolean callbacks) {}

    private final List<PlannedDelivery> deliveries = new ArrayList<>();
    private final List<DeliveryRecord> skipped = new ArrayList<>();
    private int tags;

    private DeliveryPlan() {}

    /**
     * Renders every accepted tag for every target. {@code facts} fills the messages; for targets
     * with callbacks it gets, per delivery, a callback URL that carries a token for that one
     * delivery (so the builder is used up here).
     */
    static DeliveryPlan of(List<Target> targets, List<PushedTag> pushed, PayloadFacts.Builder facts) {
        PayloadFacts plain = facts.build();
        PayloadFacts withCallbacks = facts.callbackUrls(id -> CallbackEndpoint.callbackUrlFor(id).orElse("")).build();
        DeliveryPlan plan = new DeliveryPlan();
        plan.tags = pushed.size();
        for (Target t : targets) {
            FormatWriter writer = t.format().writer();
            for (PushedTag tag : pushed) {
                if (!t.filter().accepts(tag.reference().repository())) {
                    continue;
                }
                Rendering r = writer.render(tag, t.callbacks() ? withCallbacks : plain, PlannedDelivery::newId);
                r.optRefusal().ifPresent(why -> plan.skipped.add(DeliveryRecord.skipped(t.endpoint().id(),
                        t.endpoint().maskedUrl(), tag.reference().toString(), why)));
                for (Message m : r.messages()) {
                    plan.deliveries.add(PlannedDelivery.of(m, t.endpoint()));
                }
            }
        }
        return plan;
    }

    /** The messages to send, in the order of the targets and then the tags. */
    List<PlannedDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The tags a target's format could not write, one record each, saying why. */
    List<DeliveryRecord> skipped() {
        return List.copyOf(skipped);
    }

    /** How many repository:tags were pushed. */
    int tagCount() {
        return tags;
    }

    boolean isEmpty() {
        return deliveries.isEmpty() && skipped.isEmpty();
    }
}
