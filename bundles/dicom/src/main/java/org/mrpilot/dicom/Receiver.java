package org.mrpilot.dicom;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
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

    private static void publish(SeriesAssembler.Complete complete, List<ExamEventListener> listeners, Log log) {
        ReceivedSeries series = SeriesBuilder.series(complete.instances(), complete.folder(), complete.callingAeTitle());
        Optional<String> localizer = LocalizerDetector.recognise(series);
        log.info("series " + series.seriesInstanceUid() + " '" + series.seriesDescription() + "' complete: " + series.slices().size()
                + " images" + localizer.map(why -> ", localizer (" + why + ")").orElse(""));
        for (ExamEventListener l : listeners) {
            try {
                if (localizer.isPresent()) l.localizerReceived(new LocalizerReceived(series, localizer.get()));
                else l.imagesReceived(new ImagesReceived(series, SeriesBuilder.volume(series)));
            } catch (RuntimeException e) {
                log.warn("exam event listener " + l.getClass().getName() + " failed on series " + series.seriesInstanceUid() + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        scp.close();
        assembler.close();
    }
}
