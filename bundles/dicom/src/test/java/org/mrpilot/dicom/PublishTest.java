package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.exam.ExamEventListener;
import org.mrpilot.api.exam.ImagesReceived;
import org.mrpilot.api.exam.LocalizerReceived;
import org.mrpilot.api.geometry.Vec3;

/** A completed series is built once and reaches every listener, even when one of them fails. */
class PublishTest {
    private static final String SERIES = "1.2.826.0.1.3680043.9.7777.70";
    @TempDir
    Path tmp;

    /** Keeps what it was given; optionally fails afterwards, as a broken listener would. */
    private static final class Recording implements ExamEventListener {
        final List<ImagesReceived> images = new ArrayList<>();
        final boolean fail;

        Recording(boolean fail) {
            this.fail = fail;
        }

        @Override
        public void localizerReceived(LocalizerReceived e) {
            throw new AssertionError("not a localizer");
        }

        @Override
        public void imagesReceived(ImagesReceived e) {
            images.add(e);
            if (fail) throw new IllegalStateException("listener broke");
        }
    }

    @Test
    void failingListenerIsLoggedAndOthersGetTheSameVolume() throws Exception {
        List<Instance> instances = new ArrayList<>();
        for (Path f : PhantomSeries.write(tmp, SERIES, 5, "t2 tse", PhantomSeries.stack(4, Vec3.ZERO, Vec3.L, Vec3.P, 5), 16, 10, true)) {
            instances.add(InstanceReader.read(Files.readAllBytes(f)));
        }
        Recording broken = new Recording(true);
        Recording healthy = new Recording(false);
        CapturingLog log = new CapturingLog();

        Receiver.publish(new SeriesAssembler.Complete(instances, tmp, "SCANNER"), List.of(broken, healthy), log);

        assertEquals(1, healthy.images.size());
        assertEquals(4, healthy.images.get(0).series().slices().size());
        assertSame(broken.images.get(0).volume().orElseThrow(), healthy.images.get(0).volume().orElseThrow(), "volume built once");
        assertTrue(log.contains("listener " + Recording.class.getName() + " failed on series " + SERIES + ": java.lang.IllegalStateException: listener broke"),
                log.lines.toString());
    }
}
