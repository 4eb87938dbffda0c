package org.mrpilot.mapping;

import java.util.Map;
import org.mrpilot.api.inference.InferenceResult;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.inference.ModelCard;
import org.mrpilot.api.inference.ModelInfo;
import org.mrpilot.api.inference.Tensor;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;

/**
 * Runs a RIM model (models-onnx/mrpilot_train/rim.py) through the inference service. Inputs are prepared as the
 * model card says: images divided by the {@code scalePercentile} percentile of the per-pixel maximum, times in s.
 */
public final class RimMapper {
    private final InferenceService inference;

    public RimMapper(InferenceService inference) {
        this.inference = inference;
    }

    /** The model name serving {@code kind}: "rim-t1" or "rim-t2". */
    public static String modelName(RelaxometryKind kind) {
        return "rim-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws IllegalStateException when the model is not loaded or its output is unusable */
    public QuantitativeMap map(WeightedSeries series) {
        long start = System.nanoTime();
        String name = modelName(series.kind());
        ModelInfo info = inference.model(name).orElseThrow(() -> new IllegalStateException("model " + name + " is not loaded"));
        ModelCard card = info.card();
        Double percentile = card.parameters().get("scalePercentile");
        if (percentile == null) throw new IllegalStateException("card of " + card.id() + " has no scalePercentile");
        float[] mip = ForegroundMask.maximumIntensity(series);
        double scale = Math.max(ForegroundMask.percentile(mip, percentile), 1e-12);
        int n = series.count();
        int pixels = series.pixels();
        float[] images = new float[n * pixels];
        for (int k = 0; k < n; k++) {
            float[] img = series.image(k);
            for (int i = 0; i < pixels; i++) images[k * pixels + i] = (float) (img[i] / scale);
        }
        double[] timesS = series.timesS();
        float[] times = new float[n];
        for (int k = 0; k < n; k++) times[k] = (float) timesS[k];
        InferenceResult result = inference.run(name, Map.of(
                "images", Tensor.of(images, 1, n, series.rows(), series.columns()),
                "times", Tensor.of(times, n)));
        Tensor kappa = result.output("kappa");
        int q = series.kind().parameters();
        if (kappa.data().length != q * pixels) {
            throw new IllegalStateException(card.id() + " returned " + kappa + ", expected " + q + " maps of " + pixels + " pixels");
        }
        boolean[] mask = ForegroundMask.of(series);
        float[] amplitude = new float[pixels];
        float[] relaxation = new float[pixels];
        float[] inversion = series.kind() == RelaxometryKind.T1 ? new float[pixels] : null;
        float[] k = kappa.data();
        for (int i = 0; i < pixels; i++) {
            if (!mask[i]) continue;
            amplitude[i] = (float) (k[i] * scale);
            relaxation[i] = k[(q - 1) * pixels + i];
            if (inversion != null) inversion[i] = k[pixels + i];
            if (!Float.isFinite(relaxation[i]) || !Float.isFinite(amplitude[i])) {
                throw new IllegalStateException(card.id() + " produced a non-finite value at pixel " + i);
            }
        }
        return new QuantitativeMap(series.kind(), series.columns(), series.rows(), relaxation, amplitude, inversion, mask,
                card.id(), (System.nanoTime() - start) / 1e9);
    }
}
