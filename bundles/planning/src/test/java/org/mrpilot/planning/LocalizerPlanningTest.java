package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.config.ConfigurationError;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.planning.LocalizerRefusedException;
import org.mrpilot.api.planning.SlicePlan;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.patient.VirtualPatient;

/** The planning service's own decisions: api plan, quality verdict, auto-execute policy, refusals, configuration. */
class LocalizerPlanningTest {
    static OnnxInference host;

    @BeforeAll
    static void open() throws Exception {
        host = PlanningNets.host();
    }

    private static LocalizerPlanning planning(AutoExecutePolicy policy) {
        return new LocalizerPlanning(new SlicePlanner(host, CanonicalGrid.DEFAULT, StackSettings.DEFAULT, BrainBox.POPULATION), policy);
    }

    @Test
    void planCarriesLandmarksVerdictAndThePolicysDecision() {
        List<ImageSlice> localizer = Patients.localizer(VirtualPatient.procedural(61, 3), Localizer.DEFAULT);
        SlicePlan plan = planning(AutoExecutePolicy.OPERATOR_CONFIRMS).plan(localizer);
        assertEquals(3, plan.sliceGroups().size());
        assertTrue(plan.quality().usable(), plan.quality().reason());
        assertEquals(LocalizerQuality.MODEL, plan.quality().assessedBy());
        assertTrue(plan.anteriorCommissureMm().minus(plan.posteriorCommissureMm()).norm() > 5);
        assertEquals(1, plan.midSagittalNormal().norm(), 1e-9);
        assertFalse(plan.autoExecute(), "site policy off: the operator confirms");
        assertTrue(plan.confidence() < 1, "confidence " + plan.confidence());

        SlicePlanner planner = new SlicePlanner(host, CanonicalGrid.DEFAULT, StackSettings.DEFAULT, BrainBox.POPULATION);
        Plan first = planner.plan(localizer);
        assertFalse(planning(new AutoExecutePolicy(true, 0)).describe(first).autoExecute(), "a plan asking for its follow-up localizer waits for it");
        Plan raw = planner.planWithFollowUp(first, localizer,
                Localizer.acquireMore(VirtualPatient.procedural(61, 3), Localizer.DEFAULT, first.followUpLocalizer().orElseThrow()).images());
        assertTrue(planning(new AutoExecutePolicy(true, raw.confidence())).describe(raw).autoExecute(), "confidence at the threshold runs");
        assertFalse(planning(new AutoExecutePolicy(true, Math.min(1, raw.confidence() + 1e-6))).describe(raw).autoExecute(), "below it waits");
    }

    @Test
    void theFollowUpLocalizerGivesASecondPlanThatAsksForNoneAndKeepsThePlane() {
        VirtualPatient patient = VirtualPatient.procedural(63, 3);
        List<ImageSlice> localizer = Patients.localizer(patient, Localizer.DEFAULT);
        LocalizerPlanning planning = planning(AutoExecutePolicy.OPERATOR_CONFIRMS);
        SlicePlan first = planning.plan(localizer);
        assertNotNull(first.followUpLocalizer(), "a plan from the localizer alone asks for the slices through AC and PC");
        List<ImageSlice> followUp = Localizer.acquireMore(patient, Localizer.DEFAULT, first.followUpLocalizer()).images();
        SlicePlan second = planning.plan(localizer, followUp);
        assertNull(second.followUpLocalizer());
        assertEquals(first.midSagittalNormal(), second.midSagittalNormal());
        assertTrue(second.confidence() <= first.confidence(), "no surer than the first plan");
        assertEquals(first.quality(), second.quality());

        List<ImageSlice> elsewhere = followUp.stream().map(s -> new ImageSlice(s.columns(), s.rows(), s.pixels(), s.positionMm(), s.rowDirection(),
                s.columnDirection(), s.rowSpacingMm(), s.columnSpacingMm(), s.thicknessMm(), "1.2.826.0.1.3680043.9.7777.5")).toList();
        LocalizerRefusedException e = assertThrows(LocalizerRefusedException.class, () -> planning.plan(localizer, elsewhere));
        assertTrue(e.getMessage().contains("FrameOfReferenceUID"), e.getMessage());
        assertThrows(LocalizerRefusedException.class, () -> planning.plan(localizer, List.of()));
        // the head moved 6 mm along both image axes before the follow-up: its slices disagree with the localizer's
        List<ImageSlice> moved = followUp.stream().map(s -> new ImageSlice(s.columns(), s.rows(), s.pixels(),
                s.positionMm().plus(s.rowDirection().times(6)).plus(s.columnDirection().times(6)), s.rowDirection(), s.columnDirection(),
                s.rowSpacingMm(), s.columnSpacingMm(), s.thicknessMm(), s.frameOfReferenceUid())).toList();
        LocalizerRefusedException motion = assertThrows(LocalizerRefusedException.class, () -> planning.plan(localizer, moved));
        assertTrue(motion.getMessage().contains("head moved"), motion.getMessage());
    }

    @Test
    void aRefusedLocalizerIsAnApiRefusalWithTheReason() {
        List<ImageSlice> one = Patients.localizer(VirtualPatient.procedural(62, 3), Localizer.DEFAULT).subList(0, 1);
        LocalizerRefusedException e = assertThrows(LocalizerRefusedException.class, () -> planning(AutoExecutePolicy.OPERATOR_CONFIRMS).plan(one));
        assertTrue(e.getMessage().contains("1 slice(s)"), e.getMessage());
    }

    @Test
    void componentConfigurationIsCheckedKeyByKey() {
        PlanningComponent c = new PlanningComponent();
        ConfigurationError unknown = assertThrows(ConfigurationError.class, () -> c.activate(config(false, 0.5), Map.of("auto.execute.minconfidence", 0.5)));
        assertEquals("auto.execute.minconfidence", unknown.key());
        ConfigurationError range = assertThrows(ConfigurationError.class, () -> c.activate(config(true, 1.5), Map.of("auto.execute.min.confidence", 1.5)));
        assertEquals("auto.execute.min.confidence", range.key());
    }

    private static PlanningComponent.Config config(boolean allowed, double minConfidence) {
        return new PlanningComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlanningComponent.Config.class;
            }

            @Override
            public boolean auto_execute_allowed() {
                return allowed;
            }

            @Override
            public double auto_execute_min_confidence() {
                return minConfidence;
            }
        };
    }
}
