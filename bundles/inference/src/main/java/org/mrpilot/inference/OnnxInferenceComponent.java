package org.mrpilot.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mrpilot.api.config.AgentProperties;
import org.mrpilot.api.config.ConfigurationCheck;
import org.mrpilot.api.config.ConfigurationError;
import org.mrpilot.api.inference.InferenceResult;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.inference.ModelInfo;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.RuntimeInfo;
import org.mrpilot.api.inference.Tensor;
import org.mrpilot.api.lifecycle.StartupWork;
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

/**
 * The OSGi face of the inference host: configuration, start-up model loading and logging around {@link OnnxInference}.
 * The configured models load after activation on a thread of their own; every service call waits for that load, and
 * the agent counts it as start-up work.
 */
@Component(immediate = true, configurationPid = OnnxInferenceComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {InferenceService.class, StartupWork.class})
@Designate(ocd = OnnxInferenceComponent.Config.class)
public class OnnxInferenceComponent implements InferenceService, StartupWork {
    static final String PID = "org.mrpilot.inference";
    private static final String CARD_SUFFIX = ".card.json";

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
    private StartupLoad startup;

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) {
        try {
            ConfigurationCheck.of(PID, properties, Config.class).inRange("intraop.threads", config.intraop_threads(), 0, 256);
            Path nativeDir = config.native_dir().isBlank()
                    ? OnnxInference.defaultNativeDirectory(AgentProperties.dataDirectory(context::getProperty))
                    : AgentProperties.resolve(context::getProperty, config.native_dir());
            List<Path> cards = config.models_dir().isBlank() ? List.of() : cards(AgentProperties.resolve(context::getProperty, config.models_dir()));
            host = OnnxInference.open(nativeDir, config.intraop_threads());
            RuntimeInfo runtime = host.runtime();
            log.info("{} {} ready, providers {}, natives in {}, {} intra-op threads per session",
                    runtime.runtime(), runtime.version(), runtime.providers(), runtime.nativeDirectory(), host.intraOpThreads());
            long start = System.nanoTime();
            startup = new StartupLoad("mrpilot-model-loader", cards, this::loadAtStartup, () -> log.info("{} of {} configured models serving after {} s",
                    host.models().size(), cards.size(), String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9)));
            startup.start();
        } catch (RuntimeException e) {
            log.error("inference service not started: {}", e.getMessage());
            if (host != null) host.close();
            throw e;
        }
    }

    /** The directory's {@code <name>.card.json} files in name order; a missing or unreadable directory is a configuration error. */
    private static List<Path> cards(Path dir) {
        if (!Files.isDirectory(dir)) throw new ConfigurationError(PID, "models.dir", "is " + dir + ", which is not a directory");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(CARD_SUFFIX)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationError(PID, "models.dir", "cannot be listed: " + e.getMessage());
        }
    }

    private void loadAtStartup(Path card) {
        String name = card.getFileName().toString();
        try {
            loadNow(card.resolveSibling(name.substring(0, name.length() - CARD_SUFFIX.length()) + ".onnx"), card);
        } catch (ModelRejectedException e) {
            // Logged by loadNow(); one bad model must not keep the others from serving.
        } catch (RuntimeException e) {
            log.error("model {} could not be loaded: {}", card, e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        startup.stop();
        host.close();
    }

    @Override
    public ModelInfo load(Path modelFile, Path cardFile) throws ModelRejectedException {
        // After the start-up load: a model loaded now must not be replaced by an older file from the directory.
        startup.await();
        return loadNow(modelFile, cardFile);
    }

    private ModelInfo loadNow(Path modelFile, Path cardFile) throws ModelRejectedException {
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
    public String description() {
        return "loading the configured models";
    }

    @Override
    public boolean done() {
        return startup.finished();
    }

    @Override
    public InferenceResult run(String modelName, Map<String, Tensor> inputs) {
        startup.await();
        return host.run(modelName, inputs);
    }

    @Override
    public Optional<ModelInfo> model(String modelName) {
        startup.await();
        return host.model(modelName);
    }

    @Override
    public List<ModelInfo> models() {
        startup.await();
        return host.models();
    }

    @Override
    public RuntimeInfo runtime() {
        return host.runtime();
    }
}
