package org.mrpilot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.planning.BrainBox;
import org.mrpilot.planning.CanonicalGrid;
import org.mrpilot.planning.LandmarkDetector;
import org.mrpilot.planning.SlicePlanner;
import org.mrpilot.planning.StackSettings;

/** Opens the inference host with the planning net from models-onnx/models (verified by its card) and a planner on it. */
final class PlanningModels {
    static final Path DEFAULT_DIRECTORY = Path.of("models-onnx", "models");

    private PlanningModels() {
    }

    static OnnxInference open(Path modelsDirectory, int threads) throws Exception {
        Path model = modelsDirectory.resolve(LandmarkDetector.MODEL + ".onnx");
        if (!Files.exists(model)) throw new IllegalStateException("planning model " + model + " not found");
        OnnxInference host = OnnxInference.open(OnnxInference.defaultNativeDirectory(Path.of("var").toAbsolutePath()), threads);
        try {
            host.load(model, modelsDirectory.resolve(LandmarkDetector.MODEL + ".card.json"));
        } catch (Exception e) {
            host.close();
            throw e;
        }
        return host;
    }

    static SlicePlanner planner(OnnxInference host) {
        return new SlicePlanner(host, CanonicalGrid.DEFAULT, StackSettings.DEFAULT, BrainBox.POPULATION);
    }
}
