package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.Vec3;

/** Several images at one position (a multi-TI series) come out in the same order whatever order they arrived in. */
class SeriesOrderTest {
    private static final String SERIES = "1.2.826.0.1.3680043.9.7777.60";
    private static final double[] TI_MS = {800, 100, 2000, 300};
    private static final int POSITIONS = 3;
    private static final double SPACING_MM = 5;

    @Test
    void multiTiSeriesIsOrderedByPositionThenInversionTime() throws Exception {
        List<PhantomSeries.Plane> planes = PhantomSeries.stack(POSITIONS, Vec3.ZERO, Vec3.L, Vec3.P, SPACING_MM);
        List<Instance> arrived = new ArrayList<>();
        // Acquired TI by TI (instance numbers run TI-major), then shuffled as several associations would deliver them.
        for (int t = 0; t < TI_MS.length; t++) {
            for (int p = 0; p < POSITIONS; p++) {
                int number = t * POSITIONS + p + 1;
                Dataset d = PhantomSeries.instance(SERIES, SERIES + "." + number, 4, "t1 ir multi-TI", planes.get(p), number, 16, 10)
                        .set("InversionTime", TI_MS[t]);
                arrived.add(InstanceReader.read(d.toPart10()));
            }
        }
        Collections.shuffle(arrived, new Random(7));

        ReceivedSeries series = SeriesBuilder.series(arrived, Path.of("."), "SCANNER");

        List<Double> ascendingS = List.of(0.1, 0.3, 0.8, 2.0);
        assertEquals(ascendingS, series.acquisition().inversionTimesS());
        assertEquals(POSITIONS * TI_MS.length, series.slices().size());
        for (int j = 0; j < series.slices().size(); j++) {
            double along = series.slices().get(j).positionMm().dot(Vec3.L.cross(Vec3.P));
            assertEquals(j / TI_MS.length * SPACING_MM, along, 1e-6, "position of image " + j);
        }
        // Within each position the images follow the ascending TI list (identified by their instance numbers).
        List<Integer> expectedNumbers = new ArrayList<>();
        for (int p = 0; p < POSITIONS; p++) {
            for (double tiS : ascendingS) expectedNumbers.add(indexOf(tiS * 1000) * POSITIONS + p + 1);
        }
        List<Integer> actualNumbers = series.slices().stream().map(s -> numberOf(arrived, s)).toList();
        assertEquals(expectedNumbers, actualNumbers);
        assertTrue(SeriesBuilder.volume(series).isEmpty(), "images sharing a position are no single volume");
    }

    private static int indexOf(double tiMs) {
        for (int t = 0; t < TI_MS.length; t++) if (Math.abs(TI_MS[t] - tiMs) < 1e-6) return t;
        throw new IllegalArgumentException("TI " + tiMs);
    }

    private static int numberOf(List<Instance> instances, org.mrpilot.api.geometry.ImageSlice slice) {
        return instances.stream().filter(i -> i.slice() == slice).findFirst().orElseThrow().instanceNumber();
    }
}
