package org.mrpilot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auto-execute calibration rule of `bench planning`, and its test of whether a landmark was imaged. */
class PlanningCalibrationTest {
    private static PlanningBenchmark.Planned plan(double confidence, double mspDeg, double acpcDeg) {
        PlanningBenchmark.Errors errors = new PlanningBenchmark.Errors(1, 1, mspDeg, acpcDeg, 1);
        return new PlanningBenchmark.Planned(errors, errors, null, confidence, 0.1, PlanningBenchmark.FollowUp.NOT_ACQUIRED, Double.NaN, true, true);
    }

    @Test
    void binomialCdfMatchesKnownValues() {
        assertEquals(0.623046875, PlanningBenchmark.binomialCdf(5, 10, 0.5), 1e-12);
        assertEquals(Math.pow(0.95, 40), PlanningBenchmark.binomialCdf(0, 40, 0.05), 1e-15);
        assertEquals(1, PlanningBenchmark.binomialCdf(200, 200, 0.05), 1e-9);
    }

    @Test
    void picksTheLowestThresholdWhoseLargeErrorsAreRareEnough() {
        List<PlanningBenchmark.Planned> plans = new ArrayList<>();
        for (int i = 0; i < 60; i++) plans.add(plan(0.5 + i * 0.005, 1.0, 1.5)); // confident and accurate
        for (int i = 0; i < 10; i++) plans.add(plan(0.1 + i * 0.01, 6.0, 1.0)); // unsure, mid-sagittal plane off
        // 61 plans with one large error: P(X <= 1 | 61, 5 %) = 0.185 passes; 62 with two: 0.41 does not
        assertEquals(0.19, PlanningBenchmark.calibrate(plans).orElseThrow(), 1e-12);
        plans.add(plan(0.3, 1.0, 8.0));
        plans.add(plan(0.31, 1.0, 8.0));
        // two AC-PC outliers above the unsure group: 62 plans with both fail, 61 with one pass
        assertEquals(0.31, PlanningBenchmark.calibrate(plans).orElseThrow(), 1e-12);
    }

    @Test
    void noThresholdWhenTooFewPlansOrAnglesTooLarge() {
        List<PlanningBenchmark.Planned> few = new ArrayList<>();
        for (int i = 0; i < 31; i++) few.add(plan(0.9, 0.5, 0.5));
        assertTrue(PlanningBenchmark.calibrate(few).isEmpty(), "31 flawless plans still leave a 5 % large-error share at 20 % probability");
        few.add(plan(0.9, 0.5, 0.5));
        assertEquals(0.9, PlanningBenchmark.calibrate(few).orElseThrow(), 1e-12, "32 do not");
        List<PlanningBenchmark.Planned> off = new ArrayList<>();
        for (int i = 0; i < 50; i++) off.add(plan(i / 50.0, 3 + i * 0.01, 0.5));
        assertTrue(PlanningBenchmark.calibrate(off).isEmpty(), "every plan's mid-sagittal plane is off by more than 2 deg");
    }
}
