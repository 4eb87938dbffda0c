package org.mrpilot.planning;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mrpilot.inference.OnnxInference;

/**
 * The committed planning nets in one inference host for all tests (ONNX Runtime's natives load once per JVM). Loading
 * refuses a model unless its sha256, I/O signature and golden vectors check out.
 */
final class PlanningNets {
    static final Path MODELS = Path.of("..", "..", "models-onnx", "models");
    private static OnnxInference host;

    private PlanningNets() {
    }

    static synchronized OnnxInference host() throws Exception {
        if (host == null) {
            OnnxInference h = OnnxInference.open(Files.createTempDirectory("planning-ort"), 2);
            for (String name : new String[] {LandmarkDetector.MODEL, CommissureRefiner.MODEL, LocalizerQuality.MODEL}) {
                h.load(MODELS.resolve(name + ".onnx"), MODELS.resolve(name + ".card.json"));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(h::close));
            host = h;
        }
        return host;
    }
}
