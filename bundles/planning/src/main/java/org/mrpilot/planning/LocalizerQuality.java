package org.mrpilot.planning;

import java.util.Map;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.inference.InferenceService;

/**
 * Runs the quality and coverage net (models-onnx planning-quality) on a canonical volume through the inference
 * service: the localizer's {@link QualityVerdict} and the brain probability on a half-resolution grid.
 */
public final class LocalizerQuality {
    public static final String MODEL = "planning-quality";

    /**
     * @param brain brain probability per cell of 2x2x2 canonical voxels (LPS axes, cell spacing twice the grid's)
     */
    public record Assessment(QualityVerdict verdict, Volume brain) {
    }

    private final InferenceService inference;

    public LocalizerQuality(InferenceService inference) {
        this.inference = inference;
    }

    /** @throws IllegalStateException when the model is not loaded or its card lacks the calibrated threshold */
    public Assessment assess(CanonicalVolume canonical) {
        Double threshold = inference.model(MODEL).orElseThrow(() -> new IllegalStateException(MODEL + " is not loaded")).card().parameters()
                .get("usableThreshold");
        if (threshold == null) throw new IllegalStateException(MODEL + " card has no usableThreshold parameter");
        var result = inference.run(MODEL, Map.of("volume", canonical.netInput()));
        float[] q = result.output("quality").data();
        float[] brain = result.output("brain").data();
        Volume v = canonical.image();
        int nx = v.nx() / 2, ny = v.ny() / 2, nz = v.nz() / 2;
        if (q.length != QualityClass.values().length || brain.length != nx * ny * nz) {
            throw new IllegalStateException(MODEL + " returned " + q.length + " classes and " + brain.length + " brain cells, expected "
                    + QualityClass.values().length + " and " + nx * ny * nz);
        }
        double[] p = new double[q.length];
        for (int k = 0; k < q.length; k++) p[k] = q[k];
        double[] h = v.spacingMm();
        // cell (i, j, k) averages canonical voxels 2i, 2i + 1: its centre is voxel 2i + 0.5
        Vec3 origin = v.voxelToPatient(0.5, 0.5, 0.5);
        Volume cells = new Volume(nx, ny, nz, brain, origin, v.iDirection(), v.jDirection(), v.kDirection(), new double[] {2 * h[0], 2 * h[1], 2 * h[2]},
                v.frameOfReferenceUid());
        return new Assessment(new QualityVerdict(p, threshold), cells);
    }
}
