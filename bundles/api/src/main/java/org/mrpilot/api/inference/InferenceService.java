package org.mrpilot.api.inference;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one host of the inference runtime. Models are versioned data: loading verifies the card's hash and
 * I/O signature and runs its self-test; a model that fails is refused and whatever served before keeps serving.
 */
public interface InferenceService {

    /** Loads (or replaces, by card name) a model. The card is a JSON file. */
    ModelInfo load(Path modelFile, Path cardFile) throws ModelRejectedException;

    /** Runs the named model on the given inputs (by input name, all of them). */
    InferenceResult run(String modelName, Map<String, Tensor> inputs);

    Optional<ModelInfo> model(String modelName);

    List<ModelInfo> models();

    RuntimeInfo runtime();
}
