package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.dicom.MapQuantity;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

/** Every object we write passes dciodvfy without errors and reads back with the geometry it was written with. */
class WriterTest {
    @TempDir
    Path tmp;

    static ReceivedSeries source(Path dir, String seriesUid, List<PhantomSeries.Plane> planes, String description) throws Exception {
        List<Instance> instances = new ArrayList<>();
        for (Path f : PhantomSeries.write(dir, seriesUid, 3, description, planes, 32, 7.5, false)) instances.add(InstanceReader.read(Files.readAllBytes(f)));
        return SeriesBuilder.series(instances, dir, "SCANNER");
    }

    static Volume t1Map(ReceivedSeries source) {
        Volume v = SeriesBuilder.volume(source).orElseThrow();
        float[] seconds = new float[v.voxels().length];
        for (int i = 0; i < seconds.length; i++) seconds[i] = v.voxels()[i] / 1000f; // ~1.0-1.3 s inside the head
        return new Volume(v.nx(), v.ny(), v.nz(), seconds, v.originMm(), v.iDirection(), v.jDirection(), v.kDirection(), v.spacingMm(),
                v.frameOfReferenceUid());
    }

    @Test
    void mapsAndReviewAreValidAndKeepGeometry() throws Exception {
        Vec3 column = new Vec3(0, Math.cos(0.3), Math.sin(0.3));
        ReceivedSeries source = source(tmp.resolve("src"), "1.2.826.0.1.3680043.9.7777.30", PhantomSeries.stack(6, new Vec3(-118.2, -101.7, -33.3), Vec3.L, column, 5.5), "t1 ir");
        Volume map = t1Map(source);
        LocalDateTime now = LocalDateTime.of(2026, 11, 21, 12, 0);

        WrittenInstance pm = MapWriter.parametricMap(MapQuantity.T1, map, source, 9001, now);
        List<WrittenInstance> mr = MapWriter.mrImages(MapQuantity.T1, map, source, 9002, now);
        ReceivedSeries localizer = source(tmp.resolve("loc"), "1.2.826.0.1.3680043.9.7777.31", PhantomSeries.threePlanes(32, 7.5), "localizer");
        SliceGroup plan = new SliceGroup("axial", new Vec3(0, 0, 10), Vec3.L, Vec3.P, 200, 200, 256, 256, 4, 1, 5, PhantomSeries.FRAME, "HFS");
        WrittenInstance review = ReviewWriter.write(localizer, 1, List.of(plan), 9003, now);

        List<String> warnings = new ArrayList<>();
        List<WrittenInstance> all = new ArrayList<>(List.of(pm, review));
        all.addAll(mr);
        for (WrittenInstance w : all) {
            Path f = tmp.resolve(w.sopInstanceUid() + ".dcm");
            Files.write(f, w.part10());
            Tools.Result v = Tools.run(List.of("dciodvfy", f.toString()));
            assertFalse(v.output().contains("Error"), "dciodvfy errors for " + w.sopClassUid() + ":\n" + v.output());
            v.output().lines().filter(l -> l.startsWith("Warning")).forEach(l -> warnings.add(w.sopClassUid() + ": " + l));
        }
        System.out.println("dciodvfy warnings:\n" + String.join("\n", warnings.stream().distinct().toList()));

        // dcmdump shows the parametric map's identity, units and float pixels.
        Path pmFile = tmp.resolve(pm.sopInstanceUid() + ".dcm");
        String dump = Tools.run(List.of("dcmdump", pmFile.toString())).output();
        assertTrue(dump.contains("ParametricMapStorage"), dump);
        assertTrue(dump.contains("[PH001]") && dump.contains("[" + PhantomSeries.STUDY + "]") && dump.contains("[" + PhantomSeries.FRAME + "]"), dump);
        assertTrue(dump.contains("(0040,9096)") && dump.contains("[s]") && dump.contains("UCUM"), dump);
        assertTrue(dump.contains("(7fe0,0008) OF"), dump);

        // Classic MR round trip: read back as a received series, same voxel-to-patient mapping and values.
        List<Instance> back = new ArrayList<>();
        for (WrittenInstance w : mr) back.add(InstanceReader.read(w.part10()));
        Volume readBack = SeriesBuilder.volume(SeriesBuilder.series(back, tmp, "US")).orElseThrow();
        assertSameGeometry(map, readBack);
        assertEquals(map.voxel(16, 16, 3), readBack.voxel(16, 16, 3) / 1000, 1e-3, "ms with rescale back to s");

        // Parametric map round trip: per-frame positions and the shared orientation and spacing.
        AttributeList list = Part10Parser.parse(pm.part10());
        var frames = (com.pixelmed.dicom.SequenceAttribute) list.get(Dataset.tag("PerFrameFunctionalGroupsSequence"));
        var shared = ((com.pixelmed.dicom.SequenceAttribute) list.get(Dataset.tag("SharedFunctionalGroupsSequence"))).getItem(0).getAttributeList();
        double[] iop = Attribute.doubles(item(shared, "PlaneOrientationSequence"), Dataset.tag("ImageOrientationPatient"));
        double[] spacing = Attribute.doubles(item(shared, "PixelMeasuresSequence"), Dataset.tag("PixelSpacing"));
        for (int k = 0; k < map.nz(); k++) {
            double[] ipp = Attribute.doubles(item(frames.getItem(k).getAttributeList(), "PlanePositionSequence"), Dataset.tag("ImagePositionPatient"));
            Vec3 corner = new Vec3(ipp[0], ipp[1], ipp[2]).plus(new Vec3(iop[0], iop[1], iop[2]).times(31 * spacing[1]))
                    .plus(new Vec3(iop[3], iop[4], iop[5]).times(31 * spacing[0]));
            assertTrue(corner.minus(map.voxelToPatient(31, 31, k)).norm() < 0.01, "parametric map frame " + k);
        }
    }

    private static AttributeList item(AttributeList list, String sequence) {
        return ((com.pixelmed.dicom.SequenceAttribute) list.get(Dataset.tag(sequence))).getItem(0).getAttributeList();
    }

    private static void assertSameGeometry(Volume a, Volume b) {
        assertEquals(a.nx(), b.nx());
        assertEquals(a.nz(), b.nz());
        for (int[] ijk : new int[][] {{0, 0, 0}, {31, 0, 0}, {0, 31, 5}, {31, 31, 5}, {7, 19, 2}}) {
            double d = a.voxelToPatient(ijk[0], ijk[1], ijk[2]).minus(b.voxelToPatient(ijk[0], ijk[1], ijk[2])).norm();
            assertTrue(d < 0.01, "voxel " + java.util.Arrays.toString(ijk) + " moved " + d + " mm");
        }
    }
}
