package org.mrpilot.api.inference;

import java.util.List;
import java.util.Map;

/**
 * What a model file promises: identity, content hash, I/O signature, numeric pre-processing constants and
 * a golden self-test that must pass before the model may serve.
 *
 * @param parameters numeric constants the caller needs to prepare inputs exactly as in training
 *                   (e.g. scales); keys carry their unit in the name when it is not SI
 */
public record ModelCard(
        String name,
        String version,
        String sha256,
        String description,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        Map<String, Double> parameters,
        SelfTest selfTest) {

    public ModelCard {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = Map.copyOf(parameters);
    }

    /** Golden vectors: running {@code inputs} must reproduce {@code outputs} within {@code tolerance} (absolute). */
    public record SelfTest(Map<String, Tensor> inputs, Map<String, Tensor> outputs, double tolerance) {
        public SelfTest {
            inputs = Map.copyOf(inputs);
            outputs = Map.copyOf(outputs);
        }
    }

    public String id() {
        return name + "@" + version;
    }
}
