package org.mrpilot.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.Tensor;
import org.mrpilot.api.mapping.MappingMethod;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;
import org.mrpilot.inference.OnnxInference;

/** The committed RIM models, judged in the agent's inference host on data made here. */
class RimModelsTest {
    static final Path MODELS = Path.of("..", "..", "models-onnx", "models");
    @TempDir
    static Path natives;
    static OnnxInference host;

    @BeforeAll
    static void open() throws Exception {
        host = OnnxInference.open(natives.resolve("ort"), 2);
        for (RelaxometryKind kind : RelaxometryKind.values()) {
            String name = RimMapper.modelName(kind);
            host.load(MODELS.resolve(name + ".onnx"), MODELS.resolve(name + ".card.json")); // verifies hash + golden vectors
        }
    }

    @AfterAll
    static void close() {
        host.close();
    }

    @ParameterizedTest
    @EnumSource(RelaxometryKind.class)
    void reproducesThePyTorchReference(RelaxometryKind kind) throws Exception {
        String name = RimMapper.modelName(kind);
        JsonObject ref = JsonParser.parseString(Files.readString(MODELS.resolve(name + ".reference.json"))).getAsJsonObject();
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (var e : ref.getAsJsonObject("inputs").entrySet()) inputs.put(e.getKey(), tensor(e.getValue().getAsJsonObject()));
        Tensor expected = tensor(ref.getAsJsonObject("outputs").getAsJsonObject("kappa"));
        Tensor actual = host.run(name, inputs).output("kappa");
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()));
        double tolerance = ref.get("tolerance").getAsDouble(), worst = 0;
        for (int i = 0; i < expected.data().length; i++) worst = Math.max(worst, Math.abs(expected.data()[i] - actual.data()[i]));
        assertTrue(worst <= tolerance, name + " differs from PyTorch by " + worst);
    }

    @Test
    void mapsThroughTheServiceWithModelProvenanceAndAnyNumberOfTimes() {
        try (MleMapper mle = new MleMapper(1)) {
            RelaxometryMapping mapping = new RelaxometryMapping(host, mle);
            double[] t1 = SyntheticSeries.constant(64, 1.0);
            for (double[] times : new double[][] {SyntheticSeries.TI_31, java.util.Arrays.copyOf(SyntheticSeries.TI_31, 23)}) {
                WeightedSeries s = SyntheticSeries.of(RelaxometryKind.T1, times, 8, 8, SyntheticSeries.constant(64, 0.8),
                        SyntheticSeries.constant(64, 1.9), t1, 0.005, 3);
                QuantitativeMap map = mapping.map(s, MappingMethod.RIM);
                assertEquals("rim-t1@" + host.model("rim-t1").orElseThrow().card().version(), map.provenance());
                for (float v : map.relaxationS()) assertTrue(v > 0.5 && v < 2.0, "T1 " + v + " for a 1 s phantom");
                for (float v : map.amplitude()) assertTrue(v > 0.4 && v < 1.6, "A " + v + " for 0.8 (input units)");
            }
        }
    }

    /**
     * The mapper scales a whole slice by its brightest tissue; a bright region far away must not move T1 elsewhere
     * (the first models read +5.5 % T1 per doubling of the scale).
     */
    @Test
    void aBrightRegionElsewhereInTheSliceDoesNotMoveT1() {
        int columns = 48, rows = 8, pixels = columns * rows;
        double[] a = SyntheticSeries.constant(pixels, 0.7), b = SyntheticSeries.constant(pixels, 1.85);
        double[] t1 = SyntheticSeries.constant(pixels, 0.85);
        WeightedSeries plain = SyntheticSeries.of(RelaxometryKind.T1, SyntheticSeries.TI_31, columns, rows, a, b, t1, 0, 1);
        double[] brightA = a.clone();
        for (int i = 0; i < pixels; i++) if (i % columns >= 40) brightA[i] = 3.0;  // 4x brighter, 32+ pixels away
        WeightedSeries bright = SyntheticSeries.of(RelaxometryKind.T1, SyntheticSeries.TI_31, columns, rows, brightA, b, t1, 0, 1);
        try (MleMapper mle = new MleMapper(1)) {
            RelaxometryMapping mapping = new RelaxometryMapping(host, mle);
            float[] one = mapping.map(plain, MappingMethod.RIM).relaxationS();
            float[] two = mapping.map(bright, MappingMethod.RIM).relaxationS();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 8; c++) {
                    int i = r * columns + c;
                    assertEquals(one[i], two[i], 0.01 * one[i], "T1 at column " + c + " row " + r);
                }
            }
        }
    }

    @Test
    void fallsBackToMleWhenTheModelIsMissing(@TempDir Path dir) {
        try (OnnxInference empty = OnnxInference.open(natives.resolve("ort"), 1); MleMapper mle = new MleMapper(1)) {
            WeightedSeries s = SyntheticSeries.of(RelaxometryKind.T2, SyntheticSeries.TE_6, 2, 2, SyntheticSeries.constant(4, 1),
                    null, SyntheticSeries.constant(4, 0.1), 0, 1);
            QuantitativeMap map = new RelaxometryMapping(empty, mle).map(s, MappingMethod.RIM);
            assertTrue(map.provenance().startsWith("MLE (RIM unavailable: model rim-t2 is not loaded"), map.provenance());
            assertEquals(0.1, map.relaxationS()[0], 1e-4);
        }
    }

    @Test
    void aModelWhoseGoldenVectorsFailIsRefusedAndTheMleServes(@TempDir Path dir) throws Exception {
        Files.copy(MODELS.resolve("rim-t2.onnx"), dir.resolve("rim-t2.onnx"));
        JsonObject card = JsonParser.parseString(Files.readString(MODELS.resolve("rim-t2.card.json"))).getAsJsonObject();
        var golden = card.getAsJsonObject("selfTest").getAsJsonObject("outputs").getAsJsonObject("kappa").getAsJsonArray("data");
        golden.set(0, new com.google.gson.JsonPrimitive(golden.get(0).getAsDouble() + 1)); // one wrong golden value
        Files.writeString(dir.resolve("rim-t2.card.json"), card.toString());
        try (OnnxInference fresh = OnnxInference.open(natives.resolve("ort"), 1); MleMapper mle = new MleMapper(1)) {
            assertThrows(ModelRejectedException.class, () -> fresh.load(dir.resolve("rim-t2.onnx"), dir.resolve("rim-t2.card.json")));
            WeightedSeries s = SyntheticSeries.of(RelaxometryKind.T2, SyntheticSeries.TE_6, 2, 2, SyntheticSeries.constant(4, 1),
                    null, SyntheticSeries.constant(4, 0.1), 0, 1);
            assertTrue(new RelaxometryMapping(fresh, mle).map(s, MappingMethod.RIM).provenance().startsWith("MLE"));
        }
    }

    private static Tensor tensor(JsonObject o) {
        var shapeJson = o.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = shapeJson.get(i).getAsLong();
        var dataJson = o.getAsJsonArray("data");
        float[] data = new float[dataJson.size()];
        for (int i = 0; i < data.length; i++) data[i] = dataJson.get(i).getAsFloat();
        return new Tensor(shape, data);
    }
}
