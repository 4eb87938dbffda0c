package org.mrpilot.it.osgi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.inference.ModelCard;
import org.mrpilot.api.inference.ModelInfo;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.Tensor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** The product bndrun in Felix: everything active and satisfied, and a real ONNX model served inside the framework. */
class AgentFrameworkTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    InferenceService inference;

    @InjectService(timeout = 20_000)
    ServiceComponentRuntime scr;

    @Test
    void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null) notActive.add(b.getSymbolicName() + " state " + b.getState());
        }
        assertTrue(notActive.isEmpty(), "bundles not active: " + notActive);
        assertTrue(context.getBundles().length >= 10, "the product's bundles are installed");
    }

    @Test
    void everyComponentIsSatisfied() {
        List<String> problems = new ArrayList<>();
        int product = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.name.startsWith("org.mrpilot.")) product++;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(d.name + " state " + c.state + (c.failure == null ? "" : ": " + c.failure.lines().findFirst().orElse("")));
                }
            }
            if (scr.getComponentConfigurationDTOs(d).isEmpty()) problems.add(d.name + " has no configuration");
        }
        assertTrue(problems.isEmpty(), "components not satisfied: " + problems);
        assertTrue(product >= 4, "the product's components are present, found " + product);
    }

    @Test
    void theConfiguredModelServesItsGoldenPairInsideTheFramework() {
        ModelInfo info = inference.model("tiny-affine").orElseThrow(() -> new AssertionError("tiny-affine was not loaded from models.dir"));
        assertEquals(1, info.intraOpThreads(), "configuration reached the component");
        ModelCard.SelfTest golden = info.card().selfTest();
        Tensor y = inference.run("tiny-affine", golden.inputs()).output("y");
        assertArrayEquals(golden.outputs().get("y").data(), y.data(), 1e-5f);
        assertTrue(inference.runtime().providers().contains("CPU"));
        Path nativeDir = inference.runtime().nativeDirectory();
        assertTrue(nativeDir.startsWith(Path.of(context.getProperty("mrpilot.data")).toAbsolutePath()), "natives under the data dir: " + nativeDir);
    }

    @Test
    void aCorruptModelIsRefusedInsideTheFrameworkAndTheServingOneStays(@TempDir Path tmp) throws Exception {
        Path models = Path.of(context.getProperty("mrpilot.home"), "models-onnx", "models");
        Files.write(tmp.resolve("tiny-affine.onnx"), new byte[] {8, 1, 0x12, 0x33, 0x7f});
        Files.copy(models.resolve("tiny-affine.card.json"), tmp.resolve("tiny-affine.card.json"));
        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> inference.load(tmp.resolve("tiny-affine.onnx"), tmp.resolve("tiny-affine.card.json")));
        assertTrue(e.reason().startsWith("sha256 of tiny-affine.onnx is"), e.reason());
        ModelCard.SelfTest golden = inference.model("tiny-affine").orElseThrow().card().selfTest();
        assertArrayEquals(golden.outputs().get("y").data(), inference.run("tiny-affine", golden.inputs()).output("y").data(), 1e-5f);
    }

    @Test
    void theLogFileUnderTheDataDirectoryRecordsBundleStarts() throws Exception {
        Path log = Path.of(context.getProperty("mrpilot.data"), "logs", "mrpilot.log");
        String text = Files.readString(log);
        assertTrue(text.contains("[org.mrpilot.inference] BundleEvent STARTED"), "bundle starts are logged");
        assertTrue(text.contains("ONNX Runtime"), "the runtime version is logged");
    }
}
