package org.mrpilot.physics.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubjectTissuesTest {
    @Test
    void threeTeslaIsTableOneOfSeed001() {
        TissueLibrary lib = TissueLibrary.threeTesla();
        assertEquals(3.5, lib.get(Tissue.CSF).t1MeanS(), 1e-12);
        assertEquals(2.0, lib.get(Tissue.CSF).t2MeanS(), 1e-12);
        assertEquals(0.780, lib.get(Tissue.WHITE_MATTER).t1MeanS(), 1e-12);
        assertEquals(0.250, lib.get(Tissue.WHITE_MATTER).t1SdS(), 1e-12);
        assertEquals(0.275, lib.get(Tissue.VESSEL).t2MeanS(), 1e-12);
        assertEquals(0.85, lib.get(Tissue.GREY_MATTER).pdMean(), 1e-12);
        for (TissueProperties p : lib.all().values()) assertTrue(p.t2StarMeanS() <= p.t2MeanS(), p.tissue() + " T2* above T2");
    }

    @Test
    void onlyKnownFieldStrengths() {
        assertEquals(1.5, TissueLibrary.forField(1.5).fieldStrengthT());
        assertTrue(TissueLibrary.forField(1.5).get(Tissue.WHITE_MATTER).t1MeanS() > 0.8);
        assertThrows(IllegalArgumentException.class, () -> TissueLibrary.forField(7));
    }

    @Test
    void perSubjectDrawsFollowTheTable() {
        TissueLibrary lib = TissueLibrary.threeTesla();
        int n = 4000;
        double sum = 0, sumSq = 0;
        for (int s = 0; s < n; s++) {
            double t1 = new SubjectTissues(lib, s).mean(Tissue.GREY_MATTER, Parameter.T1);
            sum += t1;
            sumSq += t1 * t1;
        }
        double mean = sum / n, sd = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(1.4, mean, 0.015);
        assertEquals(0.3, sd, 0.015);
    }

    @Test
    void voxelValuesVaryAroundTheSubjectMeanAndAreReproducible() {
        SubjectTissues subject = new SubjectTissues(TissueLibrary.threeTesla(), 7);
        double mean = subject.mean(Tissue.WHITE_MATTER, Parameter.T2);
        double sum = 0, sumSq = 0;
        int n = 100_000;
        for (int v = 0; v < n; v++) {
            double x = subject.voxelValue(Tissue.WHITE_MATTER, Parameter.T2, v) / mean - 1;
            sum += x;
            sumSq += x * x;
        }
        assertEquals(0, sum / n, 0.002);
        assertEquals(SubjectTissues.VOXEL_CV, Math.sqrt(sumSq / n), 0.002);
        assertEquals(subject.voxelValue(Tissue.CSF, Parameter.T1, 123), new SubjectTissues(TissueLibrary.threeTesla(), 7).voxelValue(Tissue.CSF, Parameter.T1, 123));
        assertNotEquals(subject.voxelValue(Tissue.CSF, Parameter.T1, 123), new SubjectTissues(TissueLibrary.threeTesla(), 8).voxelValue(Tissue.CSF, Parameter.T1, 123));
        assertTrue(subject.voxelValue(Tissue.FAT, Parameter.T2_STAR, 5) <= subject.voxelValue(Tissue.FAT, Parameter.T2, 5));
    }

    @Test
    void inversionEfficiencyIsTwoMinusHalfNormalGamma() {
        int n = 20000;
        double sum = 0;
        for (int s = 0; s < n; s++) {
            InversionEfficiency b = new InversionEfficiency(s);
            assertTrue(b.gamma() >= 0);
            double value = b.at(10 * (s % 7), -20, 30);
            assertTrue(value <= 2.0 && value > 0.5, "B out of range: " + value);
            sum += b.gamma();
        }
        // E|N(0, 0.2^2)| = 0.2 sqrt(2/pi) = 0.15958
        assertEquals(0.15958, sum / n, 0.004);
    }
}
