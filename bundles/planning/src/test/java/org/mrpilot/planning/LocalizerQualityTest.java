package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.acquisition.LocalizerArtefact;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.patient.VirtualPatient;

/** The committed quality + coverage net judged on localizers generated here, with seeds no training collection used. */
class LocalizerQualityTest {
    /** Fresh seeds: the training collections drew their subjects from collection seeds 101-103 and 201-202. */
    private static final long FRESH = 880_000;
    static OnnxInference host;

    @BeforeAll
    static void open() throws Exception {
        host = PlanningNets.host();
    }

    private static LocalizerArtefact.Corrupted localizer(LocalizerArtefact artefact, long seed) {
        VirtualPatient patient = VirtualPatient.procedural(seed, 3);
        return artefact.acquire(patient, Localizer.randomSettings(seed, 128, 3 + (int) (seed % 5)), seed);
    }

    private static SlicePlanner planner() {
        return new SlicePlanner(host, CanonicalGrid.DEFAULT, StackSettings.DEFAULT, BrainBox.POPULATION);
    }

    @Test
    void judgesFreshLocalizersOfEveryKind() {
        LocalizerResampler resampler = new LocalizerResampler(CanonicalGrid.DEFAULT);
        LocalizerQuality quality = new LocalizerQuality(host);
        int total = 0, usableRight = 0, classRight = 0;
        StringBuilder seen = new StringBuilder();
        for (LocalizerArtefact a : LocalizerArtefact.values()) {
            for (int j = 0; j < 2; j++) {
                List<ImageSlice> slices = localizer(a, FRESH + 10L * a.ordinal() + j).slices();
                QualityClass judged;
                try {
                    judged = quality.assess(resampler.resample(slices)).verdict().verdict();
                } catch (LocalizerRejectedException e) {
                    judged = null; // the rules before the net refused it (e.g. no signal above noise): not usable either
                }
                total++;
                boolean clean = a == LocalizerArtefact.NONE;
                if (clean == (judged == QualityClass.USABLE)) usableRight++;
                if (judged != null && judged.ordinal() == a.ordinal()) classRight++;
                seen.append(a).append("->").append(judged).append(' ');
            }
        }
        // tolerances below the held-out figures of the card, so one unlucky localizer does not fail the build
        assertTrue(usableRight >= total - 2, "usable vs not right " + usableRight + "/" + total + ": " + seen);
        assertTrue(classRight >= total - 4, "class right " + classRight + "/" + total + ": " + seen);
    }

    @Test
    void refusesAPhantomWithItsReasonBeforeTheLandmarkNet() {
        List<ImageSlice> phantom = localizer(LocalizerArtefact.NO_BRAIN, FRESH + 100).slices();
        long runs = host.model(LandmarkDetector.MODEL).orElseThrow().runs();
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> planner().plan(phantom));
        assertTrue(e.getMessage().contains("no head"), e.getMessage());
        assertEquals(QualityClass.NO_BRAIN, e.verdict().orElseThrow().verdict());
        assertEquals(runs, host.model(LandmarkDetector.MODEL).orElseThrow().runs(), "a refused localizer must not reach the landmark net");
    }

    @Test
    void theAxialStackCoversTheBrainFromTheCoverageNet() {
        LocalizerArtefact.Corrupted clean = localizer(LocalizerArtefact.NONE, FRESH + 200);
        Plan plan = planner().plan(clean.slices());
        assertNotNull(plan.quality());
        assertTrue(plan.quality().usable());
        VirtualPatient patient = clean.patient();
        Landmarks l = patient.landmarks();
        AcPcFrame truth = AcPcFrame.of(l.anteriorCommissure(), l.posteriorCommissure(), new Plane(l.midSagittalPoint(), l.midSagittalNormal()));
        List<Vec3> brain = Patients.brainPoints(patient).stream().filter(p -> truth.toFrame(p).z() >= -BrainExtent.INFERIOR_LIMIT_MM).toList();
        double covered = Coverage.fractionInside(plan.stacks().get(0), brain);
        assertTrue(covered >= 0.97, "axial stack covers " + covered + " of the brain");
        // the net's box is this brain's, not the population's largest
        Vec3 size = plan.brainBox().sizeMm(), population = BrainBox.POPULATION.sizeMm();
        assertTrue(size.x() * size.y() * size.z() < population.x() * population.y() * population.z(), "box " + size);
    }
}
