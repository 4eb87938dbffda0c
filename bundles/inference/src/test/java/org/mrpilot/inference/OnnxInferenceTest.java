package org.mrpilot.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.inference.InferenceException;
import org.mrpilot.api.inference.ModelCard;
import org.mrpilot.api.inference.ModelInfo;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.Tensor;

/** The committed tiny-affine model through the real ONNX Runtime, and every way a model is refused. */
class OnnxInferenceTest {
    static final Path MODELS = Path.of("../../models-onnx/models").toAbsolutePath().normalize();
    static final Path MODEL = MODELS.resolve("tiny-affine.onnx");
    static final Path CARD = MODELS.resolve("tiny-affine.card.json");
    /** One native directory for the whole test JVM: the JNI library binds once. */
    static final Path NATIVE = Path.of("target/native-test").toAbsolutePath();

    static OnnxInference host;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        host = OnnxInference.open(NATIVE, 1);
    }

    @AfterAll
    static void close() {
        host.close();
    }

    @Test
    void servesTheCommittedModelWithItsGoldenPair() throws Exception {
        ModelInfo info = host.load(MODEL, CARD);
        assertEquals("tiny-affine@1.0.0", info.card().id());
        assertEquals(1, info.intraOpThreads());
        ModelCard.SelfTest golden = info.card().selfTest();
        Tensor y = host.run("tiny-affine", golden.inputs()).output("y");
        assertArrayEquals(new long[] {2, 3}, y.shape());
        assertArrayEquals(golden.outputs().get("y").data(), y.data(), 1e-5f);
        assertTrue(host.model("tiny-affine").orElseThrow().runs() >= 1);
        assertTrue(host.runtime().version().matches("\\d+\\.\\d+\\.\\d+.*"), host.runtime().version());
        assertTrue(host.runtime().providers().contains("CPU"), host.runtime().providers().toString());
        assertTrue(Files.exists(NATIVE.resolve("libonnxruntime.so")));
    }

    @Test
    void reluAndBatchDimensionBehaveOnFreshInput() throws Exception {
        host.load(MODEL, CARD);
        float[] big = new float[7 * 4];
        java.util.Arrays.fill(big, -50f);
        Tensor y = host.run("tiny-affine", Map.of("x", Tensor.of(big, 7, 4))).output("y");
        assertArrayEquals(new long[] {7, 3}, y.shape());
        for (float v : y.data()) assertTrue(v >= 0, "relu output must be non-negative");
    }

    @Test
    void corruptModelFileIsRefusedAndPreviousKeepsServing() throws Exception {
        host.load(MODEL, CARD);
        Path dir = copyModel();
        byte[] bytes = Files.readAllBytes(dir.resolve("tiny-affine.onnx"));
        for (int i = 10; i < bytes.length; i += 7) bytes[i] ^= 0x5A;
        Files.write(dir.resolve("tiny-affine.onnx"), bytes);
        editCard(dir, c -> c.replaceFirst("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"" + ModelRegistry.sha256(bytes) + "\"")
                .replace("\"1.0.0\"", "\"2.0.0\""));
        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> load(dir));
        assertEquals("tiny-affine@2.0.0", e.model());
        assertTrue(e.reason().startsWith("ONNX Runtime cannot load the model"), e.reason());
        assertStillServesVersion1();
    }

    @Test
    void wrongHashIsRefused() throws Exception {
        host.load(MODEL, CARD);
        Path dir = copyModel();
        editCard(dir, c -> c.replaceFirst("\"sha256\": \"[0-9a-f]", "\"sha256\": \"X").replace("\"1.0.0\"", "\"2.0.0\""));
        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> load(dir));
        assertTrue(e.getMessage().contains("model tiny-affine@2.0.0 refused: sha256 of tiny-affine.onnx is"), e.getMessage());
        assertStillServesVersion1();
    }

    @Test
    void cardThatDoesNotMatchTheGraphIsRefused() throws Exception {
        host.load(MODEL, CARD);
        assertRefused(c -> c.replace("\"name\": \"x\"", "\"name\": \"input\""), "card inputs [input] do not match the graph's [x]");
        assertRefused(c -> c.replace("\"4\"", "\"5\""), "input 'x' has shape [-1, 4] in the graph (-1 = free), the card says [N, 5]");
        assertRefused(c -> c.replace("\"N\",\n        \"3\"", "\"N\",\n        \"3\",\n        \"1\""), "output 'y' has rank 2 in the graph");
        assertRefused(c -> c.replaceFirst("\"float32\"", "\"int64\""), "input 'x' is float32 in the graph, the card says int64");
        assertStillServesVersion1();
    }

    @Test
    void failingSelfTestIsRefused() throws Exception {
        host.load(MODEL, CARD);
        assertRefused(c -> {
            com.google.gson.JsonObject card = com.google.gson.JsonParser.parseString(c).getAsJsonObject();
            card.getAsJsonObject("selfTest").getAsJsonObject("outputs").getAsJsonObject("y").getAsJsonArray("data").set(0, new com.google.gson.JsonPrimitive(123.5));
            return card.toString();
        }, "self-test output 'y' is");
        assertStillServesVersion1();
    }

    @Test
    void missingFilesAndBadCardsAreRefusedWithTheirReason() throws Exception {
        Path dir = copyModel();
        Files.delete(dir.resolve("tiny-affine.onnx"));
        assertTrue(assertThrows(ModelRejectedException.class, () -> load(dir)).reason().contains("does not exist"));
        ModelRejectedException noCard = assertThrows(ModelRejectedException.class,
                () -> host.load(MODEL, tmp.resolve("nothing.card.json")));
        assertTrue(noCard.reason().contains("nothing.card.json does not exist"), noCard.reason());
        Path bad = tmp.resolve("bad.card.json");
        Files.writeString(bad, "{ \"name\": \"tiny-affine\", ");
        assertTrue(assertThrows(ModelRejectedException.class, () -> host.load(MODEL, bad)).reason().startsWith("card is not valid JSON"));
        Files.writeString(bad, "{ \"name\": \"tiny-affine\", \"version\": \"1\" }");
        assertTrue(assertThrows(ModelRejectedException.class, () -> host.load(MODEL, bad)).reason().contains("field 'sha256' is missing"));
    }

    @Test
    void inputsThatDoNotFitTheCardAreRefusedBeforeTheRuntimeSeesThem() throws Exception {
        host.load(MODEL, CARD);
        InferenceException wrongName = assertThrows(InferenceException.class,
                () -> host.run("tiny-affine", Map.of("input", Tensor.of(new float[4], 1, 4))));
        assertTrue(wrongName.getMessage().contains("takes inputs [x]"), wrongName.getMessage());
        InferenceException wrongShape = assertThrows(InferenceException.class,
                () -> host.run("tiny-affine", Map.of("x", Tensor.of(new float[5], 1, 5))));
        assertTrue(wrongShape.getMessage().contains("must have shape [N, 4], got [1, 5]"), wrongShape.getMessage());
        assertThrows(InferenceException.class, () -> host.run("no-such-model", Map.of()));
    }

    @Test
    void concurrentRunsWhileTheModelIsReplacedNeverFail() throws Exception {
        host.load(MODEL, CARD);
        Map<String, Tensor> input = host.model("tiny-affine").orElseThrow().card().selfTest().inputs();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> runner = pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 400; i++) {
                    try {
                        host.run("tiny-affine", input);
                        ok++;
                    } catch (InferenceException e) {
                        // A run that raced a swap sees "replaced" and may retry; anything else is a failure.
                        if (!e.getMessage().contains("was replaced")) throw e;
                    }
                }
                return ok;
            });
            for (int i = 0; i < 20; i++) host.load(MODEL, CARD);
            assertTrue(runner.get() > 0);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nativeDirectoryThatCannotBeCreatedIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.install(file.resolve("native"), getClass().getClassLoader()));
        assertTrue(e.getMessage().startsWith("cannot prepare the ONNX Runtime native directory " + file.resolve("native")), e.getMessage());
        IllegalStateException proc = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.install(Path.of("/proc/mrpilot-native"), getClass().getClassLoader()));
        assertTrue(proc.getMessage().contains("/proc/mrpilot-native"), proc.getMessage());
    }

    @Test
    void nativeDirectoryWithoutWritePermissionIsAClearError() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root ignores permission bits");
        Path dir = Files.createDirectories(tmp.resolve("readonly"));
        dir.toFile().setWritable(false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.install(dir, getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    @Test
    void aSecondNativeDirectoryInOneJvmIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.install(tmp.resolve("other"), getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("already set up in " + NATIVE), e.getMessage());
    }

    private void assertStillServesVersion1() {
        assertEquals("1.0.0", host.model("tiny-affine").orElseThrow().card().version());
        ModelCard.SelfTest golden = host.model("tiny-affine").orElseThrow().card().selfTest();
        assertArrayEquals(golden.outputs().get("y").data(), host.run("tiny-affine", golden.inputs()).output("y").data(), 1e-5f);
    }

    private void assertRefused(java.util.function.UnaryOperator<String> edit, String reasonPart) throws IOException {
        Path dir = copyModel();
        editCard(dir, c -> edit.apply(c).replace("\"1.0.0\"", "\"2.0.0\""));
        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> load(dir));
        assertTrue(e.reason().contains(reasonPart), "reason was: " + e.reason());
    }

    private ModelInfo load(Path dir) throws ModelRejectedException {
        return host.load(dir.resolve("tiny-affine.onnx"), dir.resolve("tiny-affine.card.json"));
    }

    private Path copyModel() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "model");
        Files.copy(MODEL, dir.resolve("tiny-affine.onnx"));
        Files.copy(CARD, dir.resolve("tiny-affine.card.json"));
        return dir;
    }

    private static void editCard(Path dir, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path card = dir.resolve("tiny-affine.card.json");
        String before = Files.readString(card, StandardCharsets.UTF_8);
        String after = edit.apply(before);
        if (after.equals(before)) throw new AssertionError("the card edit changed nothing");
        Files.writeString(card, after, StandardCharsets.UTF_8);
    }
}
