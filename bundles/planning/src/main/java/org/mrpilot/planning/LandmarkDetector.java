package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.inference.InferenceService;

/** Runs the landmark net (models-onnx planning-landmarks) on a canonical volume through the inference service. */
public final class LandmarkDetector {
    public static final String MODEL = "planning-landmarks";

    private final InferenceService inference;

    public LandmarkDetector(InferenceService inference) {
        this.inference = inference;
    }

    public DetectedLandmarks detect(CanonicalVolume canonical) {
        Volume v = canonical.image();
        int k = LandmarkSet.NAMES.size();
        var result = inference.run(MODEL, Map.of("volume", canonical.netInput()));
        float[] positions = result.output("positions").data();
        float[] spread = result.output("spread").data();
        if (positions.length != 3 * k || spread.length != k) throw new IllegalStateException(MODEL + " returned " + positions.length / 3 + " landmarks, expected " + k);
        double voxelMm = v.spacingMm()[0];
        List<Vec3> points = new ArrayList<>();
        double[] spreadMm = new double[k];
        for (int j = 0; j < k; j++) {
            points.add(v.voxelToPatient(positions[3 * j], positions[3 * j + 1], positions[3 * j + 2]));
            spreadMm[j] = spread[j] * voxelMm;
        }
        return new DetectedLandmarks(points, spreadMm);
    }
}
