package org.mrpilot.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mrpilot.api.inference.InferenceResult;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.inference.ModelInfo;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.RuntimeInfo;
import org.mrpilot.api.inference.Tensor;

/**
 * The inference host on plain Java: used by the OSGi component and directly by the command line and tests.
 * Creating it installs ONNX Runtime's natives into {@code nativeDirectory} (once per JVM).
 */
public final class OnnxInference implements InferenceService, AutoCloseable {
    private final ModelRegistry registry;
    private final RuntimeInfo runtime;
    private final int intraOpThreads;

    private OnnxInference(ModelRegistry registry, RuntimeInfo runtime, int intraOpThreads) {
        this.registry = registry;
        this.runtime = runtime;
        this.intraOpThreads = intraOpThreads;
    }

    /** @param intraOpThreads threads one inference may use; 0 = one per core */
    public static OnnxInference open(Path nativeDirectory, int intraOpThreads) {
        if (intraOpThreads < 0) throw new IllegalArgumentException("intraOpThreads must be >= 0, got " + intraOpThreads);
        Path installed = NativeLibraries.install(nativeDirectory, OnnxInference.class.getClassLoader());
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "mrpilot");
        List<String> providers = OrtEnvironment.getAvailableProviders().stream().map(OrtProvider::name).sorted().toList();
        int threads = intraOpThreads == 0 ? Runtime.getRuntime().availableProcessors() : intraOpThreads;
        return new OnnxInference(new ModelRegistry(env, threads), new RuntimeInfo("ONNX Runtime", env.getVersion(), providers, installed), threads);
    }

    /** The directory natives go to when nothing else is configured: {@code <data>/native/onnxruntime-<version>}. */
    public static Path defaultNativeDirectory(Path dataDirectory) {
        return dataDirectory.resolve("native").resolve("onnxruntime-" + bundledVersion());
    }

    /** The ONNX Runtime version packaged with this bundle (read before the runtime is loaded). */
    static String bundledVersion() {
        try (var in = OnnxInference.class.getResourceAsStream("versions.properties")) {
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("onnxruntime");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("versions.properties is missing from the inference bundle", e);
        }
    }

    public int intraOpThreads() {
        return intraOpThreads;
    }

    @Override
    public ModelInfo load(Path modelFile, Path cardFile) throws ModelRejectedException {
        return registry.load(modelFile, cardFile);
    }

    @Override
    public InferenceResult run(String modelName, Map<String, Tensor> inputs) {
        return registry.run(modelName, inputs);
    }

    @Override
    public Optional<ModelInfo> model(String modelName) {
        return registry.model(modelName);
    }

    @Override
    public List<ModelInfo> models() {
        return registry.models();
    }

    @Override
    public RuntimeInfo runtime() {
        return runtime;
    }

    @Override
    public void close() {
        registry.close();
    }
}
