package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

        Plan raw = new SlicePlanner(host, CanonicalGrid.DEFAULT, StackSettings.DEFAULT, BrainBox.POPULATION).plan(localizer);
        assertTrue(planning(new AutoExecutePolicy(true, raw.confidence())).describe(raw).autoExecute(), "confidence at the threshold runs");
        assertFalse(planning(new AutoExecutePolicy(true, Math.min(1, raw.confidence() + 1e-6))).describe(raw).autoExecute(), "below it waits");
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
