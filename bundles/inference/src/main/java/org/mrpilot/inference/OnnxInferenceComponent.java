package org.mrpilot.inference;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mrpilot.api.config.AgentProperties;
import org.mrpilot.api.config.ConfigurationCheck;
import org.mrpilot.api.config.ConfigurationError;
import org.mrpilot.api.inference.InferenceResult;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.inference.ModelInfo;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.RuntimeInfo;
import org.mrpilot.api.inference.Tensor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The OSGi face of the inference host: configuration, start-up model loading and logging around {@link OnnxInference}. */
@Component(immediate = true, configurationPid = OnnxInferenceComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OnnxInferenceComponent.Config.class)
public class OnnxInferenceComponent implements InferenceService {
    static final String PID = "org.mrpilot.inference";

    @ObjectClassDefinition(name = "mrpilot inference")
    public @interface Config {
        @AttributeDefinition(description = "Directory for ONNX Runtime's native libraries; empty = <data>/native/onnxruntime-<version>; relative to mrpilot.home")
        String native_dir() default "";

        @AttributeDefinition(description = "Directory whose <name>.onnx + <name>.card.json pairs are loaded at start; empty = none; relative to mrpilot.home")
        String models_dir() default "";

        @AttributeDefinition(description = "Threads one inference may use; 0 = one per core")
        int intraop_threads() default 0;
    }

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private OnnxInference host;

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) {
        try {
            ConfigurationCheck.of(PID, properties, Config.class).inRange("intraop.threads", config.intraop_threads(), 0, 256);
            Path nativeDir = config.native_dir().isBlank()
                    ? OnnxInference.defaultNativeDirectory(AgentProperties.dataDirectory(context::getProperty))
                    : AgentProperties.resolve(context::getProperty, config.native_dir());
            host = OnnxInference.open(nativeDir, config.intraop_threads());
            RuntimeInfo runtime = host.runtime();
            log.info("{} {} ready, providers {}, natives in {}, {} intra-op threads per session",
                    runtime.runtime(), runtime.version(), runtime.providers(), runtime.nativeDirectory(), host.intraOpThreads());
            if (!config.models_dir().isBlank()) loadDirectory(AgentProperties.resolve(context::getProperty, config.models_dir()));
        } catch (RuntimeException e) {
            log.error("inference service not started: {}", e.getMessage());
            if (host != null) host.close();
            throw e;
        }
    }

    private void loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new ConfigurationError(PID, "models.dir", "is " + dir + ", which is not a directory");
        try (DirectoryStream<Path> cards = Files.newDirectoryStream(dir, "*.card.json")) {
            for (Path card : cards) {
                String stem = card.getFileName().toString().replaceFirst("\\.card\\.json$", "");
                try {
                    load(dir.resolve(stem + ".onnx"), card);
                } catch (ModelRejectedException e) {
                    // Logged by load(); one bad model must not keep the others from serving.
                }
            }
        } catch (IOException e) {
            throw new ConfigurationError(PID, "models.dir", "cannot be listed: " + e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        host.close();
    }

    @Override
    public ModelInfo load(Path modelFile, Path cardFile) throws ModelRejectedException {
        try {
            ModelInfo info = host.load(modelFile, cardFile);
            log.info("model {} loaded from {} in {} s", info.card().id(), modelFile, String.format(Locale.ROOT, "%.3f", info.loadSeconds()));
            return info;
        } catch (ModelRejectedException e) {
            log.error(e.getMessage());
            throw e;
        }
    }

    @Override
    public InferenceResult run(String modelName, Map<String, Tensor> inputs) {
        return host.run(modelName, inputs);
    }

    @Override
    public Optional<ModelInfo> model(String modelName) {
        return host.model(modelName);
    }

    @Override
    public List<ModelInfo> models() {
        return host.models();
    }

    @Override
    public RuntimeInfo runtime() {
        return host.runtime();
    }
}
