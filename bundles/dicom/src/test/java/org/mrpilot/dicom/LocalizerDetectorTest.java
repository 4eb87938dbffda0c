package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.Vec3;

class LocalizerDetectorTest {
    @TempDir
    Path tmp;

    private ReceivedSeries series(String name, String description, List<PhantomSeries.Plane> planes) throws Exception {
        return WriterTest.source(tmp.resolve(name), "1.2.826.0.1.3680043.9.7777.5" + (int) name.charAt(0), planes, description);
    }

    @Test
    void recognisesByDescriptionOrientationsOrImageType() throws Exception {
        List<PhantomSeries.Plane> axial = PhantomSeries.stack(3, Vec3.ZERO, Vec3.L, Vec3.P, 5);
        assertEquals(Optional.of("series description 'AAHead_Scout'"), LocalizerDetector.recognise(series("a", "AAHead_Scout", axial)));
        assertEquals(Optional.of("series description '3-plane loc'"), LocalizerDetector.recognise(series("b", "3-plane loc", axial)));
        assertEquals(Optional.of("three orthogonal orientations"), LocalizerDetector.recognise(series("c", "t1", PhantomSeries.threePlanes(16, 10))));
        assertEquals(Optional.empty(), LocalizerDetector.recognise(series("d", "t2 tse axial", axial)));

        ReceivedSeries plain = series("e", "t1", axial);
        ReceivedSeries typed = new ReceivedSeries(plain.study(), plain.seriesInstanceUid(), 1, "t1", "MR", "HFS", plain.frameOfReferenceUid(),
                List.of("ORIGINAL", "PRIMARY", "LOCALIZER"), plain.slices(), plain.acquisition(), plain.folder(), "SCANNER");
        assertEquals(Optional.of("ImageType LOCALIZER"), LocalizerDetector.recognise(typed));
    }
}
