package org.mrpilot.dicom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox: one worker thread per destination (so a destination that is down never delays another) sends
 * what is queued, removes what the destination confirmed, and retries the rest after {@code retryInterval}
 * (doubling up to 16x while the destination stays down).
 */
final class Sender implements AutoCloseable {
    private static final int MAX_BATCH = 200;

    private final Outbox outbox;
    private final List<Destination> destinations;
    private final String callingAeTitle;
    private final Duration retryInterval;
    private final Log log;
    private final Map<Destination, ScheduledExecutorService> workers = new LinkedHashMap<>();
    /** Destinations with a retry already scheduled: wake-ups while one is down must not start more retry chains. */
    private final Set<Destination> retrying = ConcurrentHashMap.newKeySet();

    Sender(Outbox outbox, List<Destination> destinations, String callingAeTitle, Duration retryInterval, Log log) {
        this.outbox = outbox;
        this.destinations = List.copyOf(destinations);
        this.callingAeTitle = callingAeTitle;
        this.retryInterval = retryInterval;
        this.log = log;
        for (Destination d : this.destinations) {
            workers.put(d, Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dicom-sender-" + d.name());
                t.setDaemon(true);
                return t;
            }));
        }
        wake();
    }

    /** Asks every destination's worker to look at its queue now. */
    void wake() {
        workers.forEach((d, worker) -> worker.execute(() -> drain(d, 0)));
    }

    /** Runs on {@code d}'s own worker thread only. */
    private void drain(Destination d, int failures) {
        ScheduledExecutorService worker = workers.get(d);
        if (worker.isShutdown()) return;
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
            if (!worker.isShutdown() && retrying.add(d)) {
                worker.schedule(() -> {
                    retrying.remove(d);
                    drain(d, next);
                }, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        workers.values().forEach(ScheduledExecutorService::shutdownNow);
        try {
            for (ScheduledExecutorService w : workers.values()) w.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
