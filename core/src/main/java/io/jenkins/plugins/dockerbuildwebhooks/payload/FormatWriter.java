package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.function.Supplier;

/**
 * One wire format: facts about a pushed tag in, messages (bytes and headers) out. Every format
 * implements this and nothing else, and {@code FormatContractTest} holds them all to it, the way
 * one contract test holds every extractor to the real tool outputs.
 *
 * <p>Writers are stateless and never read a clock or the network: the push time is in the
 * {@link PushedTag}, and delivery ids come from the caller, because formats that carry an event id
 * use the delivery's id for it (so a retry or a redelivery repeats the same event id).
 */
public interface FormatWriter {
    /** The profile this writer writes. */
    PayloadProfile profile();

    /**
     * The messages for {@code tag}, each written for its own id from {@code newDeliveryId}; or a
     * refusal saying why the tag cannot be written in this format.
     */
    Rendering render(PushedTag tag, PayloadFacts facts, Supplier<String> newDeliveryId);
}
