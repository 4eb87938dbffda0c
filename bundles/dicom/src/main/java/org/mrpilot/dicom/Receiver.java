package org.mrpilot.dicom;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mrpilot.api.exam.ExamEventListener;
import org.mrpilot.api.exam.ImagesReceived;
import org.mrpilot.api.exam.LocalizerReceived;
import org.mrpilot.api.exam.ReceivedSeries;

/**
 * The DICOM intake: C-STORE SCP into the durable store, series assembly, and exam events to the listeners
 * {@code listeners} returns at the time of each event.
 */
public final class Receiver implements AutoCloseable {
    private final StoreScp scp;
    private final SeriesAssembler assembler;

    public Receiver(ScpSettings settings, InstanceStore store, Supplier<List<ExamEventListener>> listeners, Log log) throws IOException {
        this.assembler = new SeriesAssembler(settings.quietPeriod(), complete -> publish(complete, listeners.get(), log));
        this.scp = new StoreScp(settings, store, stored -> assembler.add(stored.instance(), stored.file(), stored.callingAeTitle()), log);
    }

    public int port() {
        return scp.port();
    }

    /**
     * Builds the series (and its volume) once, then hands the same event to each listener. A series that cannot be
     * built is logged with its UID and the reason; a failing listener is logged and does not keep the others from it.
     */
    static void publish(SeriesAssembler.Complete complete, List<ExamEventListener> listeners, Log log) {
        String seriesUid = complete.instances().get(0).seriesInstanceUid();
        Consumer<ExamEventListener> event;
        try {
            event = event(complete, log);
        } catch (RuntimeException e) {
            log.warn("series " + seriesUid + " received but not published, it could not be assembled: " + e);
            return;
        }
        for (ExamEventListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.warn("exam event listener " + l.getClass().getName() + " failed on series " + seriesUid + ": " + e);
            }
        }
    }

    private static Consumer<ExamEventListener> event(SeriesAssembler.Complete complete, Log log) {
        ReceivedSeries series = SeriesBuilder.series(complete.instances(), complete.folder(), complete.callingAeTitle());
        Optional<String> localizer = LocalizerDetector.recognise(series);
        log.info("series " + series.seriesInstanceUid() + " '" + series.seriesDescription() + "' complete: " + series.slices().size()
                + " images" + localizer.map(why -> ", localizer (" + why + ")").orElse(""));
        if (localizer.isPresent()) {
            LocalizerReceived received = new LocalizerReceived(series, localizer.get());
            return l -> l.localizerReceived(received);
        }
        ImagesReceived received = new ImagesReceived(series, SeriesBuilder.volume(series));
        return l -> l.imagesReceived(received);
    }

    @Override
    public void close() {
        scp.close();
        assembler.close();
    }
}
