package org.mrpilot.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.dicom.DicomResults;
import org.mrpilot.api.dicom.MapQuantity;
import org.mrpilot.api.dicom.WrittenSeries;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Volume;

/** {@link DicomResults} on plain Java: writers into the durable outbox, a {@link Sender} draining it. */
public final class Results implements DicomResults, AutoCloseable {
    /** Beside the destination folders; the dot keeps it out of their name space. */
    private static final String SERIES_NUMBER_FILE = "series-number.next";

    private final Outbox outbox;
    private final List<Destination> destinations;
    private final Sender sender;
    private final SeriesNumbers seriesNumbers;

    public Results(Path outboxRoot, List<Destination> destinations, String callingAeTitle, Duration retryInterval, Log log) throws IOException {
        this.outbox = new Outbox(outboxRoot);
        this.seriesNumbers = new SeriesNumbers(outboxRoot.resolve(SERIES_NUMBER_FILE));
        this.destinations = List.copyOf(destinations);
        this.sender = new Sender(outbox, destinations, callingAeTitle, retryInterval, log);
    }

    @Override
    public synchronized List<WrittenSeries> sendMap(MapQuantity quantity, Volume valuesS, ReceivedSeries source) {
        if (!valuesS.frameOfReferenceUid().equals(source.frameOfReferenceUid())) {
            throw new IllegalArgumentException("map frame of reference " + valuesS.frameOfReferenceUid() + " differs from the source's " + source.frameOfReferenceUid());
        }
        LocalDateTime now = LocalDateTime.now();
        WrittenInstance pm = MapWriter.parametricMap(quantity, valuesS, source, nextSeriesNumber(), now);
        List<WrittenInstance> mr = MapWriter.mrImages(quantity, valuesS, source, nextSeriesNumber(), now);
        List<WrittenSeries> out = new ArrayList<>();
        out.add(queue("parametric map", List.of(pm)));
        out.add(queue("MR image", mr));
        return out;
    }

    @Override
    public synchronized WrittenSeries sendPlanReview(ReceivedSeries localizer, int sliceIndex, List<SliceGroup> plan) {
        return queue("secondary capture", List.of(ReviewWriter.write(localizer, sliceIndex, plan, nextSeriesNumber(), LocalDateTime.now())));
    }

    private int nextSeriesNumber() {
        try {
            return seriesNumbers.next();
        } catch (IOException e) {
            throw new UncheckedIOException("series number: " + e.getMessage(), e);
        }
    }

    private WrittenSeries queue(String form, List<WrittenInstance> instances) {
        try {
            for (WrittenInstance i : instances) outbox.enqueue(i, destinations);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox: " + e.getMessage(), e);
        }
        sender.wake();
        return new WrittenSeries(form, instances.get(0).seriesInstanceUid(), instances.get(0).sopClassUid(), instances.stream().map(WrittenInstance::sopInstanceUid).toList());
    }

    @Override
    public int pending() {
        int n = 0;
        try {
            for (Destination d : destinations) n += outbox.pending(d).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    @Override
    public void close() {
        sender.close();
    }
}
