package org.mrpilot.mapping;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;

/**
 * Voxel-wise maximum-likelihood T1/T2 maps (Gaussian noise): grid-search initialisation, then
 * Levenberg–Marquardt, rows spread over a pool of threads. Unregularised (the seed's B prior is left out).
 */
public final class MleMapper implements AutoCloseable {
    public static final String PROVENANCE = "MLE";
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
            pool.submit(() -> IntStream.range(0, series.rows()).parallel().forEach(row -> {
                double[] signal = new double[times.length];
                for (int i = row * series.columns(); i < (row + 1) * series.columns(); i++) {
                    if (!mask[i]) continue;
                    for (int n = 0; n < times.length; n++) signal[n] = series.image(n)[i];
                    double[] p = grid.initial(signal);
                    fitter.fit(p, signal);
                    amplitude[i] = (float) p[0];
                    relaxation[i] = (float) p[p.length - 1];
                    if (inversion != null) inversion[i] = (float) p[1];
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("MLE mapping interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("MLE mapping failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new QuantitativeMap(kind, series.columns(), series.rows(), relaxation, amplitude, inversion, mask, PROVENANCE,
                (System.nanoTime() - start) / 1e9);
    }

    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
