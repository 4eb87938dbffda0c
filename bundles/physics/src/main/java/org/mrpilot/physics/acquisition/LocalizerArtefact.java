package org.mrpilot.physics.acquisition;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.anatomy.BottlePhantom;
import org.mrpilot.physics.patient.PlaneGrid;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;

/**
 * What can make a three-plane localizer unusable for planning, simulated where it happens: motion and receiver
 * overflow in k-space, wrap-around by sampling every second phase line (half the phase FOV), partial coverage by
 * where the operator put the localizer, low gain and coil bias through the simulator's SNR and receive field, and no
 * brain by scanning a bottle phantom. {@link #NONE} is the clean localizer. Every draw is seeded.
 */
public enum LocalizerArtefact {
    NONE, MOTION, WRAP_AROUND, PARTIAL_COVERAGE, EXTREME_INTENSITY, NO_BRAIN;

    /**
     * @param patient the subject actually scanned (a phantom for {@link #NO_BRAIN}): its brain mask is the truth
     * @param detail  what was done, for people reading a dataset
     */
    public record Corrupted(VirtualPatient patient, List<ImageSlice> slices, String detail) {
    }

    public Corrupted acquire(VirtualPatient patient, Localizer.Settings s, long seed) {
        SeededRandom r = SeededRandom.derive(seed, "localizer artefact " + name());
        return switch (this) {
            case NONE -> new Corrupted(patient, images(Localizer.acquire(patient, s)), "clean");
            case MOTION -> motion(patient, s, r);
            case WRAP_AROUND -> new Corrupted(patient, halfPhaseFov(Localizer.acquire(patient, s)), "phase FOV halved: the head wraps around");
            case PARTIAL_COVERAGE -> partial(patient, s, r);
            case EXTREME_INTENSITY -> intensity(patient, s, r);
            case NO_BRAIN -> {
                VirtualPatient phantom = VirtualPatient.create(BottlePhantom.generate(r.nextLong()), r.nextLong(), 3);
                yield new Corrupted(phantom, images(Localizer.acquire(phantom, s)), "bottle phantom, no head");
            }
        };
    }

    /**
     * Periodic head motion during the acquisition (in-plane displacement per phase line: discrete ghosts), random
     * jerks on some lines (blur), and/or one plane acquired after the head moved (planes disagree).
     */
    private static Corrupted motion(VirtualPatient patient, Localizer.Settings s, SeededRandom r) {
        List<ImagingSimulator.Acquisition> acquisitions = Localizer.acquire(patient, s);
        int variant = r.nextInt(3);
        int movedPlane = variant == 0 ? -1 : r.nextInt(3);
        double jumpMm = r.uniform(10, 25), jumpAngle = r.uniform(0, 2 * Math.PI);
        boolean periodic = r.nextDouble() < 0.5;
        double amplitudeMm = r.uniform(3, 10), periodLines = r.uniform(3, 16), phase = r.uniform(0, 2 * Math.PI), angle = r.uniform(0, 2 * Math.PI);
        double jerkFraction = r.uniform(0.15, 0.5);
        List<ImageSlice> out = new ArrayList<>();
        for (int o = 0; o < acquisitions.size(); o++) {
            ImagingSimulator.Acquisition a = acquisitions.get(o);
            for (int sl = 0; sl < a.kspace().size(); sl++) {
                KSpace k = a.kspace().get(sl);
                double[] read = new double[k.rows()], ph = new double[k.rows()];
                for (int line = 0; line < k.rows(); line++) {
                    double d = 0;
                    if (variant != 2) d = periodic ? amplitudeMm * Math.sin(2 * Math.PI * line / periodLines + phase)
                            : (r.nextDouble() < jerkFraction ? amplitudeMm * r.nextGaussian() : 0);
                    read[line] = d * Math.cos(angle);
                    ph[line] = d * Math.sin(angle);
                    if (o == movedPlane) {
                        read[line] += jumpMm * Math.cos(jumpAngle);
                        ph[line] += jumpMm * Math.sin(jumpAngle);
                    }
                }
                out.add(image(a.group(), sl, displaced(k, a.group(), read, ph)));
            }
        }
        String detail = switch (variant) {
            case 0 -> String.format("%s motion %.1f mm during the acquisition", periodic ? "periodic" : "jerky", amplitudeMm);
            case 1 -> String.format("%s motion %.1f mm, and %s plane moved %.0f mm", periodic ? "periodic" : "jerky", amplitudeMm,
                    Localizer.ORIENTATIONS.get(movedPlane), jumpMm);
            default -> String.format("%s plane acquired after the head moved %.0f mm", Localizer.ORIENTATIONS.get(movedPlane), jumpMm);
        };
        return new Corrupted(patient, out, detail);
    }

    /** K-space of an object displaced in-plane by (read, phase) mm while phase line r was sampled: a linear phase per line. */
    static KSpace displaced(KSpace k, SliceGroup g, double[] readMm, double[] phaseMm) {
        double[] d = k.data().clone();
        int rows = k.rows(), cols = k.columns();
        for (int line = 0; line < rows; line++) {
            double ky = (line - rows / 2) / g.fovPhaseMm();
            for (int c = 0; c < cols; c++) {
                double kx = (c - cols / 2) / g.fovReadMm();
                double theta = -2 * Math.PI * (kx * readMm[line] + ky * phaseMm[line]);
                int i = 2 * (line * cols + c);
                double re = d[i], im = d[i + 1], cos = Math.cos(theta), sin = Math.sin(theta);
                d[i] = re * cos - im * sin;
                d[i + 1] = re * sin + im * cos;
            }
        }
        return new KSpace(rows, cols, d);
    }

    /**
     * Keeps every second phase line of each k-space: the same pixel size over half the phase FOV, so everything
     * outside it folds back in, as a too-small phase FOV does on the scanner.
     */
    static List<ImageSlice> halfPhaseFov(List<ImagingSimulator.Acquisition> acquisitions) {
        List<ImageSlice> out = new ArrayList<>();
        for (ImagingSimulator.Acquisition a : acquisitions) {
            SliceGroup g = a.group();
            if (g.matrixPhase() % 4 != 0) throw new IllegalArgumentException("wrap-around needs a phase matrix divisible by 4, got " + g.matrixPhase());
            SliceGroup half = new SliceGroup(g.name(), g.centreMm(), g.readDirection(), g.phaseDirection(), g.fovReadMm(), g.fovPhaseMm() / 2, g.matrixRead(),
                    g.matrixPhase() / 2, g.thicknessMm(), g.gapMm(), g.sliceCount(), g.frameOfReferenceUid(), g.patientPosition());
            for (int sl = 0; sl < a.kspace().size(); sl++) {
                KSpace k = a.kspace().get(sl);
                int rows = k.rows() / 2, cols = k.columns();
                double[] d = new double[2 * rows * cols];
                // the kept lines are the even offsets from the k = 0 line, so k = 0 stays at the centre (rows / 2)
                for (int j = 0; j < rows; j++) System.arraycopy(k.data(), 2 * (2 * j) * cols, d, 2 * j * cols, 2 * cols);
                out.add(image(half, sl, new KSpace(rows, cols, d)));
            }
        }
        return out;
    }

    /** The head largely outside the localizer (centre pushed near the FOV edge), or slices missing (a plane lost). */
    private static Corrupted partial(VirtualPatient patient, Localizer.Settings s, SeededRandom r) {
        if (r.nextDouble() < 0.7) {
            Vec3 direction = new Vec3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian());
            int axis = r.nextInt(3);
            double[] dominant = direction.toArray();
            dominant[axis] = Math.copySign(3 + Math.abs(dominant[axis]), r.nextDouble() < 0.5 ? -1 : 1);
            Vec3 unit = new Vec3(dominant[0], dominant[1], dominant[2]).normalized();
            double distance = s.fovMm() / 2 + r.uniform(-30, 20);
            Vec3 centre = patient.landmarks().anteriorCommissure().plus(unit.times(distance));
            Localizer.Settings moved = new Localizer.Settings(s.fovMm(), s.matrix(), s.slices(), s.thicknessMm(), s.gapMm(), centre, s.contrast(),
                    s.snr(), s.biasStrength());
            return new Corrupted(patient, images(Localizer.acquire(patient, moved)),
                    String.format("localizer centred %.0f mm from the brain centre (FOV %.0f mm)", distance, s.fovMm()));
        }
        List<ImagingSimulator.Acquisition> acquisitions = Localizer.acquire(patient, s);
        int lost = r.nextInt(3), partial = (lost + 1 + r.nextInt(2)) % 3;
        List<ImageSlice> out = new ArrayList<>();
        for (int o = 0; o < 3; o++) {
            List<ImageSlice> plane = acquisitions.get(o).images();
            if (o == partial) out.add(plane.get(r.nextInt(plane.size())));
            else if (o != lost) out.addAll(plane);
        }
        return new Corrupted(patient, out, String.format("%s plane missing, %s plane has one slice", Localizer.ORIENTATIONS.get(lost),
                Localizer.ORIENTATIONS.get(partial)));
    }

    /** Receiver overflow (ADC clipping of k-space), near-zero receive gain (noise-dominated), or a huge coil bias field. */
    private static Corrupted intensity(VirtualPatient patient, Localizer.Settings s, SeededRandom r) {
        int variant = r.nextInt(3);
        if (variant == 0) {
            double level = r.logUniform(0.003, 0.03);
            List<ImageSlice> out = new ArrayList<>();
            for (ImagingSimulator.Acquisition a : Localizer.acquire(patient, s)) {
                for (int sl = 0; sl < a.kspace().size(); sl++) out.add(image(a.group(), sl, clipped(a.kspace().get(sl), level)));
            }
            return new Corrupted(patient, out, String.format("receiver overflow: k-space clipped at %.3f of its peak", level));
        }
        boolean lowGain = variant == 1;
        double snr = lowGain ? r.uniform(2.5, 4.5) : s.snr(), bias = lowGain ? s.biasStrength() : r.uniform(1.2, 2.0);
        Localizer.Settings changed = new Localizer.Settings(s.fovMm(), s.matrix(), s.slices(), s.thicknessMm(), s.gapMm(), s.centreMm(), s.contrast(), snr, bias);
        return new Corrupted(patient, images(Localizer.acquire(patient, changed)),
                lowGain ? String.format("near-zero receive gain: SNR %.1f", snr) : String.format("huge receive bias field (strength %.2f)", bias));
    }

    /** The ADC's range cut: real and imaginary parts limited to {@code level} times the largest magnitude. */
    static KSpace clipped(KSpace k, double level) {
        double[] d = k.data().clone();
        double peak = 0;
        for (int i = 0; i < d.length; i += 2) peak = Math.max(peak, Math.hypot(d[i], d[i + 1]));
        double limit = level * peak;
        for (int i = 0; i < d.length; i++) d[i] = Math.max(-limit, Math.min(limit, d[i]));
        return new KSpace(k.rows(), k.columns(), d);
    }

    private static ImageSlice image(SliceGroup g, int slice, KSpace k) {
        return PlaneGrid.of(g, slice).toImage(Fourier.magnitude(k), g.frameOfReferenceUid());
    }

    private static List<ImageSlice> images(List<ImagingSimulator.Acquisition> acquisitions) {
        List<ImageSlice> out = new ArrayList<>();
        for (ImagingSimulator.Acquisition a : acquisitions) out.addAll(a.images());
        return out;
    }
}
