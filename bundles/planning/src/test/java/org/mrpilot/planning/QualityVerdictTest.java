package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.physics.acquisition.LocalizerArtefact;

/** Verdict rules and the brain box from a mask, without the net. */
class QualityVerdictTest {

    @Test
    void classesFollowTheTrainingLabels() {
        // the net's output k is the dataset's LocalizerArtefact ordinal k; NONE is the usable class
        assertEquals(LocalizerArtefact.values().length, QualityClass.values().length);
        for (int k = 1; k < QualityClass.values().length; k++) assertEquals(LocalizerArtefact.values()[k].name(), QualityClass.values()[k].name());
        assertEquals("NONE", LocalizerArtefact.values()[0].name());
    }

    @Test
    void refusesBelowTheThresholdAndNamesTheLikeliestArtefact() {
        QualityVerdict ok = new QualityVerdict(new double[] {0.3, 0.6, 0.1, 0, 0, 0}, 0.25);
        assertTrue(ok.usable(), "usable above the calibrated threshold even when an artefact is likelier");
        assertEquals(QualityClass.USABLE, ok.verdict());
        QualityVerdict wrapped = new QualityVerdict(new double[] {0.2, 0.1, 0.35, 0.35, 0, 0}, 0.25);
        assertFalse(wrapped.usable());
        assertEquals(QualityClass.WRAP_AROUND, wrapped.verdict());
        assertTrue(wrapped.reason().startsWith("wrap-around") && wrapped.reason().contains("35 %"), wrapped.reason());
        assertThrows(IllegalArgumentException.class, () -> new QualityVerdict(new double[] {1, 0}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new QualityVerdict(new double[6], 1.5));
    }

    /** First brain cell of the test masks. */
    private static final int[] CORNER = {20, 13, 17};

    /** A mask with a cube of cubeCells^3 brain cells (8 mm) from {@link #CORNER}, the rest 0.2 (not brain). */
    private static Volume mask(int cubeCells) {
        int n = 32;
        float[] p = new float[n * n * n];
        Arrays.fill(p, 0.2f);
        Volume v = new Volume(n, n, n, p, new Vec3(-124, -124, -124), Vec3.L, Vec3.P, Vec3.S, new double[] {8, 8, 8}, "1");
        int[] c = CORNER;
        for (int k = 0; k < cubeCells; k++) for (int j = 0; j < cubeCells; j++) for (int i = 0; i < cubeCells; i++) p[v.index(c[0] + i, c[1] + j, c[2] + k)] = 0.9f;
        return v;
    }

    @Test
    void brainBoxReachesTheFacesOfTheBrainCells() {
        AcPcFrame scanner = new AcPcFrame(Vec3.ZERO, Vec3.L, Vec3.P, Vec3.S);
        Volume v = mask(5);
        BrainBox box = BrainExtent.inFrame(v, scanner);
        Vec3 first = v.voxelToPatient(CORNER[0], CORNER[1], CORNER[2]);
        assertEquals(0, box.minMm().minus(first.minus(new Vec3(4, 4, 4))).norm(), 1e-9);
        assertEquals(0, box.sizeMm().minus(new Vec3(40, 40, 40)).norm(), 1e-9);
        // a frame turned 90 degrees about S swaps the left and posterior extents, still to the cell faces
        AcPcFrame turned = new AcPcFrame(Vec3.ZERO, Vec3.P, Vec3.L.times(-1), Vec3.S);
        assertEquals(0, BrainExtent.inFrame(v, turned).sizeMm().minus(new Vec3(40, 40, 40)).norm(), 1e-9);
    }

    @Test
    void refusesWhenTheNetFindsNoBrain() {
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class,
                () -> BrainExtent.inFrame(mask(4), new AcPcFrame(Vec3.ZERO, Vec3.L, Vec3.P, Vec3.S)));
        assertTrue(e.getMessage().contains("no brain"), e.getMessage());
    }
}
