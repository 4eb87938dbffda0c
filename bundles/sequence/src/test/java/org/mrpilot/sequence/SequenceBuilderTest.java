package org.mrpilot.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Adc;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.Label;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceTable;

class SequenceBuilderTest {
    /** Read along a vector tilted about two axes, phase orthogonal to it, centre 30 mm away from isocentre. */
    static SliceGroup oblique(int slices) {
        Vec3 read = new Vec3(Math.cos(0.35), Math.sin(0.35) * Math.cos(0.35), Math.sin(0.35) * Math.sin(0.35)).normalized();
        Vec3 phase = read.cross(new Vec3(0.2, 0.1, 1)).normalized();
        return new SliceGroup("oblique", new Vec3(12, -18, 21.633), read, phase, 200, 180, 32, 8, 4, 1, slices, "", "HFS");
    }

    /**
     * A point at a slice centre must come out at the image centre: its phase 2 pi k.r at every sample, minus what the
     * receiver removes (ADC phase + 2 pi f t), is the same for every sample, line and echo.
     */
    @Test
    void inPlaneShiftsAreDemodulatedByTheAdcOffsets() {
        SliceGroup g = oblique(2);
        SequenceTable t = SequenceBuilder.build(Protocols.all().get("t2-mese"), g, SafetyLimits.siemensLike());
        double[][] k = KSpace.atAdcSamples(t);
        Orientation o = Orientation.of(g);
        int sample = 0;
        for (Block b : t.blocks()) {
            Adc adc = b.adc();
            if (adc == null) continue;
            int slice = b.labels().stream().filter(l -> l.name().equals("SLC")).findFirst().map(Label::value).orElseThrow();
            double[] r = o.offsetsM(g.sliceCentreMm(slice));
            Vec3 position = o.read().times(r[0]).plus(o.phase().times(r[1])).plus(o.slice().times(r[2]));
            List<Double> residuals = new ArrayList<>();
            for (int n = 0; n < adc.numSamples(); n++, sample++) {
                double spin = 2 * Math.PI * (k[0][sample] * position.x() + k[1][sample] * position.y() + k[2][sample] * position.z());
                double receiver = adc.phaseOffsetRad() + 2 * Math.PI * adc.freqOffsetHz() * (adc.sampleTimeUs(n) - adc.delayUs()) * 1e-6;
                residuals.add(Math.IEEEremainder(spin - receiver, 2 * Math.PI));
            }
            for (double res : residuals) assertEquals(0, Math.IEEEremainder(res - residuals.get(0), 2 * Math.PI), 1e-3);
            assertEquals(0, residuals.get(0), 0.05, "phase at the echo");
        }
        assertEquals(k[0].length, sample);
    }

    @Test
    void rotationsExtensionGivesTheSameTrajectoryAndTheSamePhysicalGradientPeaks() {
        SafetyLimits limits = SafetyLimits.siemensLike();
        for (String name : List.of("gre", "t2-mese")) {
            SequenceTable baked = SequenceBuilder.build(Protocols.all().get(name), oblique(2), limits);
            SequenceTable quaternion = SequenceBuilder.build(Protocols.all().get(name), oblique(2), limits, GradientRotation.ROTATIONS_EXTENSION);
            assertTrue(quaternion.blocks().stream().anyMatch(b -> b.rotation() != null));
            assertTrue(baked.blocks().stream().allMatch(b -> b.rotation() == null));
            double[][] k1 = KSpace.atAdcSamples(baked);
            double[][] k2 = KSpace.atAdcSamples(quaternion);
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < k1[a].length; i++) assertEquals(k1[a][i], k2[a][i], 1e-9 * 1000, name);
            }
            SafetyLimits tight = limits.withGradient(2e-3, 150);
            assertEquals(worstGradient(SafetyChecker.check(baked, tight, 1)), worstGradient(SafetyChecker.check(quaternion, tight, 1)), 1e-6, name);
        }
    }

    private static double worstGradient(org.mrpilot.api.sequence.SafetyReport r) {
        return r.violations().stream().filter(v -> v.limit().equals("GRADIENT_AMPLITUDE")).mapToDouble(v -> v.value()).max().orElse(0);
    }

    @Test
    void labelsCountLinesSlicesAndSeries() {
        SequenceTable t = SequenceBuilder.build(Protocols.all().get("t2-mese"), oblique(2), SafetyLimits.siemensLike());
        assertEquals(List.of(Label.set("NOROT", 1), Label.set("NOPOS", 1)), t.blocks().get(0).labels());
        long adcs = t.blocks().stream().filter(b -> b.adc() != null).count();
        assertEquals(2 * 8 * 6, adcs);
        assertTrue(t.blocks().stream().filter(b -> b.adc() != null)
                .allMatch(b -> b.labels().stream().map(Label::name).toList().equals(List.of("LIN", "SLC", "ECO"))));
    }
}
