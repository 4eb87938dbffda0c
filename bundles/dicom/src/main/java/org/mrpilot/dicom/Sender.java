package org.mrpilot.dicom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox: one worker per destination sends what is queued, removes what the destination confirmed,
 * and retries the rest after {@code retryInterval} (doubling up to 16x while the destination stays down).
 */
final class Sender implements AutoCloseable {
    private static final int MAX_BATCH = 200;

    private final Outbox outbox;
    private final List<Destination> destinations;
    private final String callingAeTitle;
    private final Duration retryInterval;
    private final Log log;
    private final ScheduledExecutorService workers;

    Sender(Outbox outbox, List<Destination> destinations, String callingAeTitle, Duration retryInterval, Log log) {
        this.outbox = outbox;
        this.destinations = List.copyOf(destinations);
        this.callingAeTitle = callingAeTitle;
        this.retryInterval = retryInterval;
        this.log = log;
        this.workers = Executors.newScheduledThreadPool(Math.max(1, destinations.size()), r -> {
            Thread t = new Thread(r, "dicom-sender");
            t.setDaemon(true);
            return t;
        });
        for (Destination d : this.destinations) workers.execute(() -> drain(d, 0));
    }

    /** Asks every destination's worker to look at its queue now. */
    void wake() {
        for (Destination d : destinations) workers.execute(() -> drain(d, 0));
    }

    private synchronized void drain(Destination d, int failures) {
        if (workers.isShutdown()) return;
        try {
            while (true) {
                List<Path> pending = outbox.pending(d);
                if (pending.isEmpty()) return;
                List<Path> batch = pending.subList(0, Math.min(MAX_BATCH, pending.size()));
                Set<Path> delivered = StoreScu.send(d, callingAeTitle, batch);
                for (Path p : delivered) outbox.delivered(p);
                if (delivered.size() < batch.size()) throw new IllegalStateException((batch.size() - delivered.size()) + " of " + batch.size() + " not accepted");
                log.info("sent " + delivered.size() + " instance(s) to " + d.name());
                failures = 0;
            }
        } catch (Exception e) {
            long delay = retryInterval.toMillis() << Math.min(failures, 4);
            log.warn("destination " + d.name() + " (" + d.calledAeTitle() + "@" + d.host() + ":" + d.port() + ") not reached: " + e.getMessage()
                    + "; retry in " + delay + " ms");
            int next = failures + 1;
            if (!workers.isShutdown()) workers.schedule(() -> drain(d, next), delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
