package org.mrpilot.cli.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.mapping.SignalModel;

/**
 * How low the benchmark's median |relative bias| of T can go at all, given that the phantom gives every voxel its
 * own texture (a few per cent around its tissue's mean) and the bias is averaged over only R noise realisations.
 *
 * <p>The reference estimator keeps a share w of each pixel's own information and takes the rest from the exact
 * mean of its tissue: its mean over R realisations misses the truth by -(1 - w) * texture plus noise of spread
 * w * c / sqrt(R), where c is the pixel's own relative spread at the Cramér–Rao bound. A real estimator knows
 * neither the tissue mean nor the noise-free texture, so this is what the best linear shrinkage could reach, not a
 * bound on every conceivable estimator. For T1, B is taken as known, as both the MLE and the RIM pool it over a
 * window. Where the benchmark also asks for a CV ceiling, only shares that respect it are allowed.
 */
final class TextureFloor {
    static final long SEED = 616161; // the noise draws, shared by every share w so the scan compares like with like
    static final int SHARES = 40; // w in steps of 1/40

    record Result(double absBiasMedian, double ownShare, double cvMedian) {
    }

    private final double[] texture;
    private final double[] ownSpreadAtUnitSigma; // the Cramér–Rao spread scales with sigma, so SNR only divides it

    /** @param include the pixels the benchmark judges; their tissue labels define the texture's means */
    TextureFloor(RelaxometryKind kind, double[] timesS, HeldOutHead head, boolean[] include) {
        float[] truth = kind == RelaxometryKind.T1 ? head.t1 : head.t2;
        List<Double> textures = new ArrayList<>(), spreads = new ArrayList<>();
        double[] tissueMedian = tissueMedians(truth, head.labels, include);
        SignalModel model = SignalModel.of(kind);
        for (int i = 0; i < include.length; i++) {
            if (!include[i]) continue;
            textures.add(truth[i] / tissueMedian[head.labels[i] & 0xff] - 1);
            double[] p = kind == RelaxometryKind.T1 ? new double[] {head.pd[i], head.b[i], head.t1[i]} : new double[] {head.pd[i], head.t2[i]};
            spreads.add(relativeCramerRao(model, p, timesS, 1));
        }
        texture = textures.stream().mapToDouble(Double::doubleValue).toArray();
        ownSpreadAtUnitSigma = spreads.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** At noise sigma = 1/snr: the smallest median |bias| over shares w in [0, 1] whose median CV stays at or below maxCv. */
    Result at(double snr, int realisations, double maxCv) {
        Random random = new Random(SEED);
        double[] noise = new double[texture.length];
        for (int i = 0; i < noise.length; i++) noise[i] = random.nextGaussian(); // the same draws for every share
        Result best = null;
        for (int s = 0; s <= SHARES; s++) {
            double w = (double) s / SHARES;
            double[] bias = new double[texture.length];
            double[] cv = new double[texture.length];
            for (int i = 0; i < bias.length; i++) {
                cv[i] = w * ownSpreadAtUnitSigma[i] / snr;
                bias[i] = -(1 - w) * texture[i] + cv[i] / Math.sqrt(realisations) * noise[i];
            }
            double cvMedian = PixelStatistics.median(cv);
            if (cvMedian > maxCv) continue;
            Result r = new Result(PixelStatistics.medianAbs(bias), w, cvMedian);
            if (best == null || r.absBiasMedian() < best.absBiasMedian()) best = r;
        }
        return best;
    }

    /** Relative standard deviation of T at the Cramér–Rao bound for Gaussian noise sigma; A and T free, B known. */
    static double relativeCramerRao(SignalModel model, double[] p, double[] timesS, double sigma) {
        int last = p.length - 1;
        double[] g = new double[p.length];
        double aa = 0, at = 0, tt = 0;
        for (double t : timesS) {
            model.gradient(p, t, g);
            aa += g[0] * g[0];
            at += g[0] * g[last];
            tt += g[last] * g[last];
        }
        double varianceT = sigma * sigma * aa / (aa * tt - at * at); // (J^T J)^-1 of the (A, T) block, times sigma^2
        return Math.sqrt(varianceT) / p[last];
    }

    private static double[] tissueMedians(float[] truth, byte[] labels, boolean[] include) {
        List<List<Double>> byLabel = new ArrayList<>();
        for (int label = 0; label < 256; label++) byLabel.add(new ArrayList<>());
        for (int i = 0; i < include.length; i++) if (include[i]) byLabel.get(labels[i] & 0xff).add((double) truth[i]);
        double[] medians = new double[256];
        for (int label = 0; label < 256; label++) {
            List<Double> values = byLabel.get(label);
            if (!values.isEmpty()) medians[label] = PixelStatistics.median(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return medians;
    }
}
