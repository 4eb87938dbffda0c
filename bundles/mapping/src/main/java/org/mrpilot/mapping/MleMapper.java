package org.mrpilot.mapping;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;

/**
 * Voxel-wise maximum-likelihood T1/T2 maps (Gaussian noise): grid-search initialisation, then
 * Levenberg–Marquardt, rows spread over a pool of threads. For T1 the inversion efficiency B is not a tissue
 * property but a slowly varying field, so (like the seed's smoothness prior on B, in its strongest form) a second
 * pass refits A and T1 with B fixed to the median of the first pass over a window around each pixel.
 */
public final class MleMapper implements AutoCloseable {
    public static final String PROVENANCE = "MLE";
    static final int INVERSION_WINDOW = 9;
    private final ForkJoinPool pool;

    /** @param threads worker threads; 0 = one per core */
    public MleMapper(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        this.pool = new ForkJoinPool(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }

    public QuantitativeMap map(WeightedSeries series) {
        long start = System.nanoTime();
        RelaxometryKind kind = series.kind();
        double[] times = series.timesS();
        boolean[] mask = ForegroundMask.of(series);
        int pixels = series.pixels();
        float[] relaxation = new float[pixels];
        float[] amplitude = new float[pixels];
        float[] inversion = kind == RelaxometryKind.T1 ? new float[pixels] : null;
        GridSearch grid = new GridSearch(kind, times);
        LevenbergMarquardt fitter = new LevenbergMarquardt(SignalModel.of(kind), times);
        try {
            forEachRow(series, row -> {
                double[] signal = new double[times.length];
                for (int i = row * series.columns(); i < (row + 1) * series.columns(); i++) {
                    if (!mask[i]) continue;
                    double[] p = grid.initial(signal(series, i, signal));
                    fitter.fit(p, signal);
                    amplitude[i] = (float) p[0];
                    relaxation[i] = (float) p[p.length - 1];
                    if (inversion != null) inversion[i] = (float) p[1];
                }
            });
            if (inversion != null) {
                float[] smooth = LocalMedian.of(inversion, mask, series.columns(), series.rows(), INVERSION_WINDOW);
                forEachRow(series, row -> {
                    double[] signal = new double[times.length];
                    for (int i = row * series.columns(); i < (row + 1) * series.columns(); i++) {
                        if (!mask[i]) continue;
                        // two starts, the first pass's estimate and the grid at the smoothed B; the better fit wins
                        double[] p = {amplitude[i], smooth[i], relaxation[i]};
                        double cost = fitter.fit(p, signal(series, i, signal), 1);
                        double[] q = grid.initial(signal, smooth[i]);
                        q[1] = smooth[i];
                        if (fitter.fit(q, signal, 1) < cost) p = q;
                        amplitude[i] = (float) p[0];
                        relaxation[i] = (float) p[2];
                    }
                });
                System.arraycopy(smooth, 0, inversion, 0, smooth.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("MLE mapping interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("MLE mapping failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new QuantitativeMap(kind, series.columns(), series.rows(), relaxation, amplitude, inversion, mask, PROVENANCE,
                (System.nanoTime() - start) / 1e9);
    }

    private void forEachRow(WeightedSeries series, java.util.function.IntConsumer work) throws InterruptedException, ExecutionException {
        pool.submit(() -> IntStream.range(0, series.rows()).parallel().forEach(work)).get();
    }

    private static double[] signal(WeightedSeries series, int pixel, double[] into) {
        for (int n = 0; n < into.length; n++) into[n] = series.image(n)[pixel];
        return into;
    }

    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
