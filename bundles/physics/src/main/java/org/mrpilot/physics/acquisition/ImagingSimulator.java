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
    private final float[] signal;

    /** Computes the contrast's signal on the patient's voxel grid once; every acquisition reuses it. */
    public ImagingSimulator(VirtualPatient patient, SignalModel contrast) {
        this.patient = patient;
        this.signal = patient.signalVolume(contrast);
    }

    public record Acquisition(SliceGroup group, List<ImageSlice> images, List<KSpace> kspace, double noiseSigma) {
    }

    /** The noiseless image of one slice (partial-volume average across the thickness). */
    public float[] noiseless(SliceGroup group, int slice) {
        PlaneGrid grid = PlaneGrid.of(group, slice);
        return patient.sample(signal, grid, patient.samplesAcross(grid.thicknessMm()));
    }

    /** Acquires every slice of the group at the stated SNR (infinite = no noise), noise seeded by {@code noiseSeed}. */
    public Acquisition acquire(SliceGroup group, double snr, long noiseSeed) {
        if (!(snr > 0)) throw new IllegalArgumentException("SNR must be positive (Infinity for no noise), got " + snr);
        List<ImageSlice> images = new ArrayList<>();
        List<KSpace> spaces = new ArrayList<>();
        double sigma = 0;
        for (int s = 0; s < group.sliceCount(); s++) {
            float[] clean = noiseless(group, s);
            KSpace k = Fourier.forward(clean, group.matrixPhase(), group.matrixRead());
            sigma = objectMean(clean) / snr;
            // Image-domain sigma s needs s * sqrt(N) in k-space: the inverse FFT divides by N and sums N samples.
            addNoise(k, sigma * Math.sqrt((double) k.rows() * k.columns()), SeededRandom.derive(noiseSeed, group.name() + "#" + s));
            spaces.add(k);
            images.add(PlaneGrid.of(group, s).toImage(Fourier.magnitude(k), group.frameOfReferenceUid()));
        }
        return new Acquisition(group, images, spaces, sigma);
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
