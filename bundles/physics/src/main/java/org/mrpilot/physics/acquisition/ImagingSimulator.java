package org.mrpilot.physics.acquisition;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.physics.patient.PlaneGrid;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;
import org.mrpilot.physics.signal.SignalModel;

/**
 * Acquires slice groups of one contrast from a virtual patient: the noiseless image is the signal volume averaged
 * across each slice's thickness (partial volume), its centred k-space gets complex Gaussian noise, and the image
 * is the magnitude of the inverse FFT.
 * <p>SNR is stated as the mean noiseless signal over the object (pixels above 10 % of the slice maximum) divided
 * by the noise standard deviation per real channel in the image.
 */
public final class ImagingSimulator {
    private final VirtualPatient patient;
    private final SignalModel contrast;
    private float[] signal;

    public ImagingSimulator(VirtualPatient patient, SignalModel contrast) {
        this.patient = patient;
        this.contrast = contrast;
    }

    /**
     * @param noiseSigmas image-domain noise σ of each slice: SNR is stated against each slice's own mean object
     *                    signal, so slices differ
     */
    public record Acquisition(SliceGroup group, List<ImageSlice> images, List<KSpace> kspace, double[] noiseSigmas) {
    }

    /** The noiseless image of one slice (partial-volume average across the thickness). */
    public float[] noiseless(SliceGroup group, int slice) {
        PlaneGrid grid = PlaneGrid.of(group, slice);
        int samples = patient.samplesAcross(grid.thicknessMm());
        if (signal == null && worthPrecomputing(group, samples)) signal = patient.signalVolume(contrast);
        return signal != null ? patient.sample(signal, grid, samples) : patient.sampleSignal(contrast, grid, samples);
    }

    /**
     * Direct sampling evaluates the signal of 8 voxels per pixel and sub-plane; the whole signal volume costs one
     * evaluation per voxel and is then reused by every slice, whose samples are cheap reads. Measured on the
     * procedural head, precomputing wins once direct sampling needs more than about a quarter as many
     * evaluations as the grid has voxels.
     */
    private boolean worthPrecomputing(SliceGroup group, int samples) {
        long direct = 8L * group.matrixRead() * group.matrixPhase() * samples * group.sliceCount();
        return direct > patient.anatomy().labels().length / 4;
    }

    /** Acquires every slice of the group at the stated SNR (infinite = no noise), noise seeded by {@code noiseSeed}. */
    public Acquisition acquire(SliceGroup group, double snr, long noiseSeed) {
        return acquire(group, snr, noiseSeed, ReceiveField.UNIFORM);
    }

    /** As {@link #acquire(SliceGroup, double, long)}, with the image weighted by a receive-coil sensitivity. */
    public Acquisition acquire(SliceGroup group, double snr, long noiseSeed, ReceiveField field) {
        if (!(snr > 0)) throw new IllegalArgumentException("SNR must be positive (Infinity for no noise), got " + snr);
        List<ImageSlice> images = new ArrayList<>();
        List<KSpace> spaces = new ArrayList<>();
        double[] sigmas = new double[group.sliceCount()];
        for (int s = 0; s < group.sliceCount(); s++) {
            float[] clean = noiseless(group, s);
            weight(clean, PlaneGrid.of(group, s), field);
            KSpace k = Fourier.forward(clean, group.matrixPhase(), group.matrixRead());
            double sigma = objectMean(clean) / snr;
            sigmas[s] = sigma;
            // Image-domain sigma s needs s * sqrt(N) in k-space: the inverse FFT divides by N and sums N samples.
            addNoise(k, sigma * Math.sqrt((double) k.rows() * k.columns()), SeededRandom.derive(noiseSeed, group.name() + "#" + s));
            spaces.add(k);
            images.add(PlaneGrid.of(group, s).toImage(Fourier.magnitude(k), group.frameOfReferenceUid()));
        }
        return new Acquisition(group, images, spaces, sigmas);
    }

    private static void weight(float[] image, PlaneGrid grid, ReceiveField field) {
        if (field == ReceiveField.UNIFORM) return;
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) image[r * grid.columns() + c] *= (float) field.gain(grid.pixelMm(c, r));
        }
    }

    static double objectMean(float[] image) {
        float max = 0;
        for (float v : image) max = Math.max(max, v);
        double sum = 0;
        int n = 0;
        for (float v : image) {
            if (v > 0.1 * max) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static void addNoise(KSpace k, double sigma, SeededRandom random) {
        if (sigma == 0 || !Double.isFinite(sigma)) return;
        double[] d = k.data();
        for (int i = 0; i < d.length; i++) d[i] += sigma * random.nextGaussian();
    }
}
