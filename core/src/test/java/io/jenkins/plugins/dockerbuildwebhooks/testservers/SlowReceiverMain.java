package io.jenkins.plugins.dockerbuildwebhooks.testservers;

/**
 * Benchmark helper: COUNT receiving ports on 127.0.0.1 (one selector thread), each answering 200 after DELAY_MS; prints
 * one URL per line, then serves until killed. Used by scripts/bench-delivery.sh.
 */
public final class SlowReceiverMain {
    private SlowReceiverMain() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[1]);
        DelayedReceivers receivers = new DelayedReceivers(count, delay);
        receivers.urls().forEach(System.out::println);
        System.out.flush();
        Thread.currentThread().join();
    }
}
