package org.mrpilot.planning;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mrpilot.api.geometry.ImageSlice;

/**
 * Refuses localizers no plan can come from, before any resampling: too few slices, mixed frames, no signal, the head
 * repeated by motion ghosts, or planes that disagree because the head moved between them.
 */
public final class LocalizerChecks {
    /**
     * Magnitude noise alone has its 99th percentile about 6.6 times its 10th (Rayleigh); any head image, even at
     * SNR 8, is well above 20 because background air fills the corners of every localizer slice.
     */
    static final double MIN_SIGNAL_CONTRAST = 12;

    /**
     * Above this {@link GhostReplicas} correlation the localizer shows copies of the head: a copy a fifth as bright as the
     * head scores about 0.4, one half as bright 0.67; clean localizers scored at most 0.19 (40 simulated, SNR 8-40).
     */
    static final double MAX_GHOST_CORRELATION = 0.4;

    /**
     * Above this {@link PlaneAgreement} offset (mm) between two orientations the head moved between their acquisitions:
     * clean simulated localizers measure 0 (profiles are compared at 1 mm steps), and a head moved less than this leaves
     * plans within their margins.
     */
    static final double MAX_PLANE_OFFSET_MM = 4.5;

    private LocalizerChecks() {
    }

    public static void check(List<ImageSlice> slices) {
        if (slices.size() < 2) {
            throw new LocalizerRejectedException("localizer has " + slices.size() + " slice(s); planning needs at least two planes of slices");
        }
        Set<String> frames = new HashSet<>();
        for (ImageSlice s : slices) frames.add(String.valueOf(s.frameOfReferenceUid()));
        if (frames.size() != 1) {
            throw new LocalizerRejectedException("localizer slices come from " + frames.size() + " different FrameOfReferenceUIDs " + frames
                    + "; their positions cannot be combined");
        }
        List<List<ImageSlice>> planes = Orientations.group(slices, Orientations.SAME_PLANE_COS);
        if (planes.size() < 2) {
            throw new LocalizerRejectedException("localizer slices are all parallel; planning needs at least two orientations");
        }
        double contrast = signalContrast(slices);
        if (!(contrast >= MIN_SIGNAL_CONTRAST)) {
            throw new LocalizerRejectedException(String.format("localizer shows no signal above noise (99th/10th percentile %.1f < %.0f): no head in the field of view",
                    contrast, MIN_SIGNAL_CONTRAST));
        }
        GhostReplicas.Replica ghost = GhostReplicas.worst(planes);
        if (ghost.correlation() > MAX_GHOST_CORRELATION) {
            throw new LocalizerRejectedException(String.format("localizer shows motion ghosts, %s (correlation %.2f > %.2f): "
                    + "ask the patient to keep still and repeat the localizer", ghost.describe(), ghost.correlation(), MAX_GHOST_CORRELATION));
        }
        List<PlaneAgreement.Offset> off = PlaneAgreement.offsets(planes).stream().filter(o -> Math.abs(o.shiftMm()) > MAX_PLANE_OFFSET_MM).toList();
        if (!off.isEmpty()) {
            String pairs = String.join(", ", off.stream().map(o -> String.format("%s vs %s %.0f mm", Orientations.name(planes.get(o.orientationA())),
                    Orientations.name(planes.get(o.orientationB())), Math.abs(o.shiftMm()))).toList());
            throw new LocalizerRejectedException(String.format("localizer planes disagree where they cross (%s; more than %.1f mm): the head moved "
                    + "between the planes; ask the patient to keep still and repeat the localizer", pairs, MAX_PLANE_OFFSET_MM));
        }
    }

    /** 99th over 10th percentile of all pixels of all slices (sampled, every slice weighs the same). */
    static double signalContrast(List<ImageSlice> slices) {
        double low = pixelPercentile(slices, 0.10), high = pixelPercentile(slices, 0.99);
        if (!(high > 0)) return 0;
        return low > 0 ? high / low : Double.POSITIVE_INFINITY;
    }

    /** Quantile {@code q} of the pixels of all slices, from 4096 evenly spread pixels per slice (every slice weighs the same). */
    static double pixelPercentile(List<ImageSlice> slices, double q) {
        int perSlice = 4096;
        float[] sample = new float[perSlice * slices.size()];
        int n = 0;
        for (ImageSlice s : slices) {
            float[] p = s.pixels();
            for (int k = 0; k < perSlice; k++) sample[n++] = p[(int) ((long) k * p.length / perSlice)];
        }
        Arrays.sort(sample);
        return sample[(int) (q * (n - 1))];
    }
}
