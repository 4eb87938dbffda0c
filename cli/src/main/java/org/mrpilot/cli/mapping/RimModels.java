package org.mrpilot.cli.mapping;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.mapping.RimMapper;

/** Opens the inference host for the command line and loads the RIM models found in a directory. */
public final class RimModels {
    public static final Path DEFAULT_DIRECTORY = Path.of("models-onnx", "models");

    private RimModels() {
    }

    /** Loads rim-t1 / rim-t2 when present; a refused model is reported on {@code log} and left out (MLE takes over). */
    public static OnnxInference open(Path modelsDirectory, PrintStream log) {
        OnnxInference host = OnnxInference.open(OnnxInference.defaultNativeDirectory(Path.of("var").toAbsolutePath()), 0);
        for (RelaxometryKind kind : RelaxometryKind.values()) {
            String name = RimMapper.modelName(kind);
            Path model = modelsDirectory.resolve(name + ".onnx");
            if (!Files.exists(model)) {
                log.println("note: " + model + " not found; " + kind + " maps will use the MLE");
                continue;
            }
            try {
                host.load(model, modelsDirectory.resolve(name + ".card.json"));
            } catch (ModelRejectedException e) {
                log.println("warning: " + e.getMessage() + "; " + kind + " maps will use the MLE");
            }
        }
        return host;
    }
}
