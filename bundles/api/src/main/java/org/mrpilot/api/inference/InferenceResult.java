package org.mrpilot.api.inference;

import java.util.Map;

/** Outputs of one inference, by output name, and the wall time the runtime spent on it. */
public record InferenceResult(String modelId, Map<String, Tensor> outputs, double seconds) {

    public InferenceResult {
        outputs = Map.copyOf(outputs);
    }

    public Tensor output(String name) {
        Tensor t = outputs.get(name);
        if (t == null) throw new IllegalArgumentException("model " + modelId + " has no output '" + name + "'");
        return t;
    }
}
