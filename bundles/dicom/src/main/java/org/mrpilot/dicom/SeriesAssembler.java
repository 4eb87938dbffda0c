package org.mrpilot.dicom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Groups stored instances by series and declares a series complete when ImagesInAcquisition (0020,1002) images
 * have arrived, or when none has arrived for the quiet period. Completion runs on one thread, one series at a time.
 * An image arriving after completion (a resend, a late image) reopens the series, which then completes again with
 * every image; the last {@value #REMEMBERED} completed series are kept for that.
 */
final class SeriesAssembler implements AutoCloseable {
    /** One series being received. */
    record Complete(List<Instance> instances, Path folder, String callingAeTitle) {
    }

    private final Duration quietPeriod;
    private final Consumer<Complete> onComplete;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dicom-series");
        t.setDaemon(true);
        return t;
    });
    private static final int REMEMBERED = 8;
    private final Map<String, Open> open = new HashMap<>();
    private final Map<String, Open> completed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
            return size() > REMEMBERED;
        }
    };

    SeriesAssembler(Duration quietPeriod, Consumer<Complete> onComplete) {
        this.quietPeriod = quietPeriod;
        this.onComplete = onComplete;
    }

    private static final class Open {
        final Map<String, Instance> instances = new LinkedHashMap<>();
        Path folder;
        String callingAeTitle;
        ScheduledFuture<?> quiet;
    }

    synchronized void add(Instance instance, Path file, String callingAeTitle) {
        Open series = open.computeIfAbsent(instance.seriesInstanceUid(), k -> {
            Open again = completed.remove(k);
            return again != null ? again : new Open();
        });
        series.instances.put(instance.sopInstanceUid(), instance);
        series.folder = file.getParent();
        series.callingAeTitle = callingAeTitle;
        if (series.quiet != null) series.quiet.cancel(false);
        int expected = instance.imagesInAcquisition();
        long delay = expected > 0 && series.instances.size() >= expected ? 0 : quietPeriod.toMillis();
        series.quiet = timer.schedule(() -> complete(instance.seriesInstanceUid(), series), delay, TimeUnit.MILLISECONDS);
    }

    private void complete(String seriesUid, Open series) {
        List<Instance> instances;
        synchronized (this) {
            if (open.get(seriesUid) != series) return;
            open.remove(seriesUid);
            completed.put(seriesUid, series);
            instances = new ArrayList<>(series.instances.values());
        }
        onComplete.accept(new Complete(instances, series.folder, series.callingAeTitle));
    }

    synchronized int openSeries() {
        return open.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
