package org.mrpilot.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.Rasters;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SafetyReport;
import org.mrpilot.api.sequence.SafetyViolation;
import org.mrpilot.api.sequence.SequenceRefusedException;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.api.sequence.Trapezoid;

class SafetyCheckerTest {
    static final SliceGroup SMALL = new SliceGroup("t", Vec3.ZERO, Vec3.L, Vec3.P, 200, 200, 32, 8, 3, 1, 2, "", "HFS");
    private static final SafetyLimits SIEMENS = SafetyLimits.siemensLike();

    private static SequenceTable gre() {
        Protocol p = Protocols.all().get("gre");
        return SequenceBuilder.build(p, SMALL, SIEMENS);
    }

    private static SafetyViolation first(SafetyReport r, String limit) {
        return r.violations().stream().filter(v -> v.limit().equals(limit)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + limit + " in " + r.summary()));
    }

    @Test
    void everyProtocolIsSafeOnTheLimitsItWasBuiltFor() {
        for (Protocol p : Protocols.all().values()) {
            SliceGroup g = p.kind() == org.mrpilot.api.sequence.SequenceKind.INVERSION_RECOVERY
                    ? new SliceGroup("t", Vec3.ZERO, Vec3.L, Vec3.P, 200, 200, 32, 2, 3, 0, 1, "", "HFS") : SMALL;
            SafetyReport r = SafetyChecker.check(SequenceBuilder.build(p, g, SIEMENS), SIEMENS, p.parameters().repetitionTimeS());
            assertTrue(r.ok(), p.name() + ": " + r.summary());
        }
    }

    @Test
    void everyProtocolBuildsSafelyForItsOwnDefaultGeometry() {
        for (Protocol p : Protocols.all().values()) {
            SliceGroup d = p.defaultGeometry();
            // One slice keeps the test fast; TE, TR, TI and gradient limits do not depend on the slice count.
            SliceGroup oneSlice = new SliceGroup(d.name(), d.centreMm(), d.readDirection(), d.phaseDirection(), d.fovReadMm(), d.fovPhaseMm(),
                    d.matrixRead(), p.kind() == org.mrpilot.api.sequence.SequenceKind.INVERSION_RECOVERY ? 16 : d.matrixPhase(), d.thicknessMm(),
                    d.gapMm(), 1, d.frameOfReferenceUid(), d.patientPosition());
            SafetyReport r = SafetyChecker.check(SequenceBuilder.build(p, oneSlice, SIEMENS), SIEMENS, p.parameters().repetitionTimeS());
            assertTrue(r.ok(), p.name() + ": " + r.summary());
        }
    }

    @Test
    void eachHardwareLimitViolatedOnPurposeIsNamedWithBlockAndEvent() {
        SequenceTable t = gre();
        double tr = 0.1;
        SafetyViolation grad = first(SafetyChecker.check(t, SIEMENS.withGradient(5e-3, 150), tr), "GRADIENT_AMPLITUDE");
        assertTrue(grad.block() >= 1 && grad.event().startsWith("g") && grad.value() > 5, grad.message());
        assertTrue(first(SafetyChecker.check(t, SIEMENS.withGradient(28e-3, 20), tr), "SLEW_RATE").value() > 20);
        SafetyLimits rfDead = new SafetyLimits(28e-3, 150, 500e-6, 30e-6, 10e-6, 5, SafetyLimits.PROTON_GAMMA_HZ_PER_T);
        assertEquals("rf delay", first(SafetyChecker.check(t, rfDead, tr), "RF_DEAD_TIME").event());
        SafetyLimits ringdown = new SafetyLimits(28e-3, 150, 100e-6, 2000e-6, 10e-6, 5, SafetyLimits.PROTON_GAMMA_HZ_PER_T);
        assertEquals(1, first(SafetyChecker.check(t, ringdown, tr), "RF_RINGDOWN_TIME").block());
        SafetyLimits adcDead = new SafetyLimits(28e-3, 150, 100e-6, 30e-6, 500e-6, 5, SafetyLimits.PROTON_GAMMA_HZ_PER_T);
        SafetyReport adc = SafetyChecker.check(t, adcDead, tr);
        assertEquals("adc delay", first(adc, "ADC_DEAD_TIME").event());
        assertEquals("adc end + dead time", first(adc, "POST_ADC_DEAD_TIME").event());
    }

    @Test
    void rfEnergyPerTrAboveTheLimitIsRefused() {
        SequenceTable t = gre();
        SafetyReport ok = SafetyChecker.check(t, SIEMENS, 0.1);
        assertTrue(ok.ok() && ok.worstB1RmsUt() > 0);
        SequenceRefusedException e = assertThrows(SequenceRefusedException.class,
                () -> SafetyChecker.requireSafe(t, SIEMENS.withMaxB1RmsUt(SafetyChecker.check(t, SIEMENS).worstB1RmsUt() / 2)));
        SafetyViolation v = first(e.report(), "SAR_B1RMS");
        assertTrue(v.event().startsWith("rf energy over"), v.event());
        assertTrue(e.getMessage().contains("SAR_B1RMS"), e.getMessage());
    }

    @Test
    void anAveragingWindowThatIsNotAPositiveFiniteTimeIsRefusedByName() {
        SequenceTable t = gre();
        for (double window : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            SafetyReport r = SafetyChecker.check(t, SIEMENS, window);
            assertEquals("B1+rms averaging window", first(r, "SAR_WINDOW").event(), "window " + window);
        }
    }

    @Test
    void theDefaultWindowIsTheCheckersOwnSoALongPauseCannotDiluteABurst() {
        SequenceTable burst = gre();
        List<Block> padded = new java.util.ArrayList<>(burst.blocks());
        padded.add(Block.delay(100_000_000)); // 100 s of silence after the RF
        SequenceTable diluted = new SequenceTable(burst.rasters(), burst.definitions(), padded);
        double wholeSequence = SafetyChecker.check(diluted, SIEMENS, diluted.durationS()).worstB1RmsUt();
        SafetyReport fixed = SafetyChecker.check(diluted, SIEMENS);
        assertTrue(fixed.worstB1RmsUt() > 3 * wholeSequence, fixed.worstB1RmsUt() + " vs " + wholeSequence);
        SafetyLimits between = SIEMENS.withMaxB1RmsUt(2 * wholeSequence);
        assertTrue(SafetyChecker.check(diluted, between, diluted.durationS()).ok());
        assertEquals(1, first(SafetyChecker.check(diluted, between), "SAR_B1RMS").block());
    }

    @Test
    void offRasterAndOverlongEventsAreNamed() {
        Block offRaster = new Block(105, null, new Trapezoid(1000, 15, 20, 10, 0), null, null, null, List.of(), null);
        Block overlong = new Block(100, null, null, new Trapezoid(1000, 20, 100, 20, 0), null, null, List.of(), null);
        SafetyReport r = SafetyChecker.check(new SequenceTable(Rasters.STANDARD, Map.of(), List.of(offRaster, overlong)), SIEMENS, 1);
        assertEquals(1, first(r, "RASTER").block());
        SafetyViolation d = first(r, "BLOCK_DURATION");
        assertEquals(2, d.block());
        assertEquals("gy", d.event());
    }

    @Test
    void gradientsThatJumpBetweenBlocksAreNamed() {
        org.mrpilot.api.sequence.Shape ramp = new org.mrpilot.api.sequence.Shape(new double[] {0.25, 0.5, 0.75, 1});
        var endsHigh = new org.mrpilot.api.sequence.ArbitraryGradient(1000, 0, 1000, ramp, null, 0);
        Block first = new Block(60, null, endsHigh, null, null, null, List.of(), null);
        Block dropsToZero = Block.delay(100);
        SafetyReport jump = SafetyChecker.check(new SequenceTable(Rasters.STANDARD, Map.of(), List.of(first, dropsToZero)), SIEMENS, 1);
        assertEquals(1, first(jump, "GRADIENT_CONTINUITY").block(), jump.summary());
        SafetyReport jumpAtEnd = SafetyChecker.check(new SequenceTable(Rasters.STANDARD, Map.of(), List.of(
                new Block(40, null, endsHigh, null, null, null, List.of(), null), dropsToZero)), SIEMENS, 1);
        assertEquals(2, first(jumpAtEnd, "GRADIENT_CONTINUITY").block(), jumpAtEnd.summary());
    }

    @Test
    void impossibleProtocolParametersAreRefusedWithTheirName() {
        Protocol gre = Protocols.all().get("gre");
        Protocol shortTe = new Protocol("x", "", gre.kind(), new org.mrpilot.api.acquisition.AcquisitionParameters(0.1, List.of(0.0005), List.of(), 15, 3),
                300, SMALL);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceBuilder.build(shortTe, SMALL, SIEMENS)).getMessage().startsWith("TE 0.50 ms"));
        assertThrows(IllegalArgumentException.class, () -> MultiEchoSpinEcho.echoNumbers(List.of(0.01, 0.025)));
        assertEquals(List.of(1, 2, 4, 8, 16, 32), MultiEchoSpinEcho.echoNumbers(Protocols.T2_ECHO_TIMES_MS.stream().map(t -> t * 1e-3).toList()));
    }
}
