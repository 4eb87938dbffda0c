package org.mrpilot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auto-execute calibration rule of `bench planning`. */
class PlanningCalibrationTest {
    private static PlanningBenchmark.Planned plan(double confidence, double mspDeg, double acpcDeg) {
        return new PlanningBenchmark.Planned(new PlanningBenchmark.Errors(1, 1, mspDeg, acpcDeg, 1), null, confidence, 0.1);
    }

    @Test
    void picksTheLowestThresholdWhosePlansKeepBothP95AnglesWithinTwoDegrees() {
        List<PlanningBenchmark.Planned> plans = new ArrayList<>();
        for (int i = 0; i < 30; i++) plans.add(plan(0.5 + i * 0.01, 1.0, 1.5)); // confident and accurate
        for (int i = 0; i < 10; i++) plans.add(plan(0.1 + i * 0.01, 6.0, 1.0)); // unsure, mid-sagittal plane off
        // a p95 over 31 plans tolerates one bad plan (the most confident unsure one, 0.19), not two
        assertEquals(0.19, PlanningBenchmark.calibrate(plans).orElseThrow(), 1e-12);
        plans.add(plan(0.3, 1.0, 8.0));
        plans.add(plan(0.31, 1.0, 8.0));
        // two AC-PC outliers between the groups: the threshold moves up until only one of them is left
        assertEquals(0.31, PlanningBenchmark.calibrate(plans).orElseThrow(), 1e-12);
    }

    @Test
    void noThresholdWhenTooFewPlansOrAnglesTooLarge() {
        List<PlanningBenchmark.Planned> few = new ArrayList<>();
        for (int i = 0; i < PlanningBenchmark.MIN_AUTO_PLANS - 1; i++) few.add(plan(0.9, 0.5, 0.5));
        assertTrue(PlanningBenchmark.calibrate(few).isEmpty(), "a p95 over fewer than the minimum is not trusted");
        List<PlanningBenchmark.Planned> off = new ArrayList<>();
        for (int i = 0; i < 50; i++) off.add(plan(i / 50.0, 3 + i * 0.01, 0.5));
        assertTrue(PlanningBenchmark.calibrate(off).isEmpty(), "every subset has MSP p95 above 2 deg");
    }
}
