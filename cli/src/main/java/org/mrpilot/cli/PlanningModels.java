package org.mrpilot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.planning.BrainBox;
import org.mrpilot.planning.CanonicalGrid;
import org.mrpilot.planning.CommissureRefiner;
import org.mrpilot.planning.LandmarkDetector;
import org.mrpilot.planning.LocalizerQuality;
import org.mrpilot.planning.SlicePlanner;
import org.mrpilot.planning.StackSettings;

/**
 * Opens the inference host with the planning nets from models-onnx/models (each verified by its card): the landmark
 * net, the commissure close-up net and the quality + coverage net, and a planner on them.
 */
final class PlanningModels {
    static final Path DEFAULT_DIRECTORY = Path.of("models-onnx", "models");

    private PlanningModels() {
    }

    static final List<String> MODELS = List.of(LandmarkDetector.MODEL, CommissureRefiner.MODEL, LocalizerQuality.MODEL);

    static OnnxInference open(Path modelsDirectory, int threads) throws Exception {
        for (String name : MODELS) {
            Path model = modelsDirectory.resolve(name + ".onnx");
            if (!Files.exists(model)) throw new IllegalStateException("planning model " + model + " not found");
        }
        OnnxInference host = OnnxInference.open(OnnxInference.defaultNativeDirectory(Path.of("var").toAbsolutePath()), threads);
        try {
            for (String name : MODELS) host.load(modelsDirectory.resolve(name + ".onnx"), modelsDirectory.resolve(name + ".card.json"));
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
