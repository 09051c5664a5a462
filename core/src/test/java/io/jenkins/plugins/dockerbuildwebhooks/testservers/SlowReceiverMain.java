package io.jenkins.plugins.dockerbuildwebhooks.testservers;

import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark helper: starts COUNT receivers on 127.0.0.1, each answering 200 after DELAY_MS, prints
 * one URL per line, then serves until killed. Used by scripts/bench-delivery.sh.
 */
public final class SlowReceiverMain {
    private SlowReceiverMain() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[1]);
        List<WebhookReceiver> receivers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebhookReceiver r = WebhookReceiver.start().otherwise(Reply.status(200, "ok").after(Duration.ofMillis(delay)));
            receivers.add(r);
            System.out.println(r.url("/hook/" + i));
        }
        System.out.flush();
        Thread.currentThread().join();
    }
}
