package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.patient.VirtualPatient;

/** The committed landmark net in the agent's inference host, and the whole planning chain on a physics localizer. */
class SlicePlannerTest {
    static OnnxInference host;

    @BeforeAll
    static void open() throws Exception {
        host = PlanningNets.host();
    }

    private static SlicePlanner planner() {
        return new SlicePlanner(host, CanonicalGrid.DEFAULT, StackSettings.DEFAULT, BrainBox.POPULATION);
    }

    @Test
    void plansThreeOrthogonalStacksFromALocalizer() {
        VirtualPatient patient = VirtualPatient.procedural(51, 3);
        Plan plan = planner().plan(Patients.localizer(patient, Localizer.DEFAULT));
        List<SliceGroup> s = plan.stacks();
        assertEquals(List.of("axial", "coronal", "sagittal"), s.stream().map(SliceGroup::name).toList());
        assertEquals(90, s.get(0).normal().angleDeg(s.get(1).normal()), 1e-6);
        assertEquals(90, s.get(0).normal().angleDeg(s.get(2).normal()), 1e-6);
        assertEquals(patient.frameOfReferenceUid(), s.get(0).frameOfReferenceUid());
        assertTrue(plan.confidence() > 0 && plan.confidence() <= 1, "confidence " + plan.confidence());
        for (double spread : plan.landmarks().spreadMm()) assertTrue(spread > 0 && spread < 200, "spread " + spread);
        // the mid-sagittal plane comes from the localizer's mirror symmetry, well within a degree of the truth
        assertTrue(plan.symmetry().used(), plan.symmetry().reason());
        assertEquals(plan.symmetry().symmetryPlane(), plan.midSagittal());
        double angle = plan.midSagittal().normal().axisAngleDeg(patient.landmarks().midSagittalNormal());
        assertTrue(angle < 1, "mid-sagittal plane off by " + angle + " deg");
        assertEquals(0, plan.midSagittal().signedDistanceMm(plan.landmarks().ac()), 1e-9, "AC lies on the plan's plane");
        assertTrue(plan.commissuresImaged(), "the default localizer's middle slices cross AC and PC");
    }

    @Test
    void aPlanWhoseCommissuresNoSliceShowsSaysSo() {
        VirtualPatient patient = VirtualPatient.procedural(51, 3);
        Vec3 ac = patient.landmarks().anteriorCommissure(), pc = patient.landmarks().posteriorCommissure();
        // every slice whose slab comes within 4 mm of a commissure is dropped, so no estimate near them is imaged either
        List<ImageSlice> far = Patients.localizer(patient, Localizer.DEFAULT).stream()
                .filter(s -> Math.abs(ac.minus(s.positionMm()).dot(s.normal())) > s.thicknessMm() / 2 + 4
                        && Math.abs(pc.minus(s.positionMm()).dot(s.normal())) > s.thicknessMm() / 2 + 4)
                .toList();
        assertTrue(far.size() >= 6, far.size() + " slices left");
        Plan plan = planner().plan(far);
        assertFalse(plan.commissuresImaged());
    }

    @Test
    void refusesAnEmptyLocalizerWithoutPlanning() {
        Localizer.Settings d = Localizer.DEFAULT;
        Localizer.Settings away = new Localizer.Settings(d.fovMm(), 64, d.slices(), d.thicknessMm(), d.gapMm(),
                new org.mrpilot.api.geometry.Vec3(0, 0, 400), d.contrast(), d.snr(), 0);
        List<ImageSlice> air = Patients.localizer(VirtualPatient.procedural(52, 3), away);
        long runs = host.model(LandmarkDetector.MODEL).orElseThrow().runs();
        assertThrows(LocalizerRejectedException.class, () -> planner().plan(air));
        assertEquals(runs, host.model(LandmarkDetector.MODEL).orElseThrow().runs(), "a refused localizer must not reach the net");
    }
}
