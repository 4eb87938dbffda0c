package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.inference.Tensor;

/** Runs the landmark net (models-onnx planning-landmarks) on a canonical volume through the inference service. */
public final class LandmarkDetector {
    public static final String MODEL = "planning-landmarks";

    private final InferenceService inference;

    public LandmarkDetector(InferenceService inference) {
        this.inference = inference;
    }

    public DetectedLandmarks detect(CanonicalVolume canonical) {
        Volume v = canonical.image();
        int n = v.voxels().length, k = LandmarkSet.NAMES.size();
        // channel 0 image, channel 1 coverage; the volume's i-fastest layout is numpy's (z, y, x) C order
        float[] input = new float[2 * n];
        System.arraycopy(v.voxels(), 0, input, 0, n);
        System.arraycopy(canonical.coverage(), 0, input, n, n);
        var result = inference.run(MODEL, Map.of("volume", Tensor.of(input, 1, 2, v.nz(), v.ny(), v.nx())));
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
