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
        SliceGroup followUp = plan.followUpLocalizer().orElseThrow();
        assertEquals(0, followUp.normal().angleDeg(plan.frame().posterior()), 1e-6, "the follow-up's slices are perpendicular to the AC-PC line");
        assertTrue(SlabCoverage.imaged(plan.landmarks().ac(), Localizer.acquireMore(patient, Localizer.DEFAULT, followUp).images()));
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

        // the follow-up localizer it asks for images the true commissures, and the second plan reads them there
        List<ImageSlice> followUp = Localizer.acquireMore(patient, Localizer.DEFAULT, plan.followUpLocalizer().orElseThrow()).images();
        assertTrue(SlabCoverage.imaged(ac, followUp) && SlabCoverage.imaged(pc, followUp), "the follow-up slices miss a true commissure");
        Plan again = planner().planWithFollowUp(plan, far, followUp);
        assertTrue(again.commissuresImaged());
        assertTrue(again.followUpLocalizer().isEmpty());
        assertEquals(plan.midSagittal(), again.midSagittal());
        double before = plan.frame().posterior().angleDeg(pc.minus(ac)), after = again.frame().posterior().angleDeg(pc.minus(ac));
        assertTrue(after < 1.5, String.format("AC-PC line off by %.2f deg with the follow-up (%.2f without)", after, before));
        double acBefore = plan.landmarks().ac().minus(ac).norm(), acAfter = again.landmarks().ac().minus(ac).norm();
        double pcBefore = plan.landmarks().pc().minus(pc).norm(), pcAfter = again.landmarks().pc().minus(pc).norm();
        assertTrue(acAfter < 2 && pcAfter < 2, String.format("AC %.2f mm, PC %.2f mm off with the follow-up (%.2f, %.2f without)", acAfter, pcAfter,
                acBefore, pcBefore));
        List<Vec3> brain = Patients.brainPoints(patient);
        double covered = Coverage.fractionInside(plan.stacks().get(0), brain), coveredAgain = Coverage.fractionInside(again.stacks().get(0), brain);
        assertTrue(coveredAgain >= covered - 0.01, String.format("the axial stack covers %.3f of the brain, %.3f before", coveredAgain, covered));
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
