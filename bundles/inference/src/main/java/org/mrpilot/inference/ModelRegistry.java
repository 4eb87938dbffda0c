package org.mrpilot.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.mrpilot.api.inference.InferenceException;
import org.mrpilot.api.inference.InferenceResult;
import org.mrpilot.api.inference.ModelCard;
import org.mrpilot.api.inference.ModelInfo;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.Tensor;
import org.mrpilot.api.inference.TensorSpec;

/**
 * Models by name, each one ONNX Runtime session. A model is verified (hash, I/O signature, golden self-test)
 * before it replaces the one serving under its name; a refused model changes nothing.
 */
final class ModelRegistry implements AutoCloseable {
    private final OrtEnvironment env;
    private final int intraOpThreads;
    private final Map<String, Loaded> models = new ConcurrentHashMap<>();

    ModelRegistry(OrtEnvironment env, int intraOpThreads) {
        this.env = env;
        this.intraOpThreads = intraOpThreads;
    }

    ModelInfo load(Path modelFile, Path cardFile) throws ModelRejectedException {
        long start = System.nanoTime();
        ModelCard card = CardReader.read(cardFile);
        String id = card.id();
        byte[] bytes = readModel(id, modelFile);
        String actual = sha256(bytes);
        if (!actual.equals(card.sha256())) {
            throw new ModelRejectedException(id, "sha256 of " + modelFile.getFileName() + " is " + actual + ", the card says " + card.sha256());
        }
        OrtSession session = openSession(id, bytes);
        Loaded loaded = new Loaded(card, modelFile, session);
        try {
            checkSignature(card, session);
            selfTest(loaded);
        } catch (ModelRejectedException e) {
            loaded.close();
            throw e;
        }
        loaded.loadSeconds = (System.nanoTime() - start) / 1e9;
        Loaded previous = models.put(card.name(), loaded);
        if (previous != null) previous.close();
        return loaded.info();
    }

    InferenceResult run(String name, Map<String, Tensor> inputs) {
        Loaded model = models.get(name);
        if (model == null) throw new InferenceException("no model named '" + name + "' is loaded (loaded: " + new TreeSet<>(models.keySet()) + ")");
        return model.run(inputs);
    }

    Optional<ModelInfo> model(String name) {
        return Optional.ofNullable(models.get(name)).map(Loaded::info);
    }

    List<ModelInfo> models() {
        return models.values().stream().map(Loaded::info).sorted(Comparator.comparing(i -> i.card().name())).toList();
    }

    @Override
    public void close() {
        models.values().forEach(Loaded::close);
        models.clear();
    }

    private static byte[] readModel(String id, Path file) throws ModelRejectedException {
        if (!Files.isRegularFile(file)) throw new ModelRejectedException(id, "model file " + file + " does not exist");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelRejectedException(id, "model file " + file + " cannot be read: " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrtSession openSession(String id, byte[] bytes) throws ModelRejectedException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new ModelRejectedException(id, "ONNX Runtime cannot load the model: " + firstLine(e.getMessage()), e);
        }
    }

    private static void checkSignature(ModelCard card, OrtSession session) throws ModelRejectedException {
        try {
            compare(card, "input", card.inputs(), session.getInputInfo());
            compare(card, "output", card.outputs(), session.getOutputInfo());
        } catch (OrtException e) {
            throw new ModelRejectedException(card.id(), "cannot read the model's signature: " + e.getMessage(), e);
        }
    }

    private static void compare(ModelCard card, String kind, List<TensorSpec> specs, Map<String, NodeInfo> graph)
            throws ModelRejectedException {
        Set<String> declared = specs.stream().map(TensorSpec::name).collect(Collectors.toCollection(TreeSet::new));
        if (!declared.equals(new TreeSet<>(graph.keySet()))) {
            throw new ModelRejectedException(card.id(), "card " + kind + "s " + declared + " do not match the graph's " + new TreeSet<>(graph.keySet()));
        }
        for (TensorSpec spec : specs) {
            if (!(graph.get(spec.name()).getInfo() instanceof TensorInfo info)) {
                throw new ModelRejectedException(card.id(), kind + " '" + spec.name() + "' is not a tensor in the graph");
            }
            String dtype = dtype(info.type);
            if (!dtype.equals(spec.dtype())) {
                throw new ModelRejectedException(card.id(), kind + " '" + spec.name() + "' is " + dtype + " in the graph, the card says " + spec.dtype());
            }
            long[] dims = info.getShape();
            if (dims.length != spec.shape().size()) {
                throw new ModelRejectedException(card.id(), kind + " '" + spec.name() + "' has rank " + dims.length + " in the graph, the card says " + spec.shape());
            }
            for (int axis = 0; axis < dims.length; axis++) {
                boolean graphFree = dims[axis] < 0;
                if (graphFree != spec.isFree(axis) || (!graphFree && dims[axis] != Long.parseLong(spec.shape().get(axis)))) {
                    throw new ModelRejectedException(card.id(), kind + " '" + spec.name() + "' has shape " + Arrays.toString(dims)
                            + " in the graph (-1 = free), the card says " + spec.shape());
                }
            }
        }
        if (specs.stream().anyMatch(s -> !s.dtype().equals("float32"))) {
            throw new ModelRejectedException(card.id(), "only float32 " + kind + "s are served");
        }
    }

    private static String dtype(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case INT64 -> "int64";
            case INT32 -> "int32";
            case UINT8 -> "uint8";
            case BOOL -> "bool";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static void selfTest(Loaded model) throws ModelRejectedException {
        ModelCard card = model.card;
        ModelCard.SelfTest test = card.selfTest();
        InferenceResult result;
        try {
            result = model.run(test.inputs());
        } catch (InferenceException e) {
            throw new ModelRejectedException(card.id(), "self-test could not run: " + e.getMessage(), e);
        }
        for (var expected : test.outputs().entrySet()) {
            Tensor got = result.outputs().get(expected.getKey());
            if (got == null) throw new ModelRejectedException(card.id(), "self-test output '" + expected.getKey() + "' is not produced");
            if (!Arrays.equals(got.shape(), expected.getValue().shape())) {
                throw new ModelRejectedException(card.id(), "self-test output '" + expected.getKey() + "' has shape "
                        + Arrays.toString(got.shape()) + ", expected " + Arrays.toString(expected.getValue().shape()));
            }
            float[] a = got.data();
            float[] b = expected.getValue().data();
            for (int i = 0; i < a.length; i++) {
                if (!(Math.abs(a[i] - b[i]) <= test.tolerance())) {
                    throw new ModelRejectedException(card.id(), "self-test output '" + expected.getKey() + "' is " + a[i] + " at index " + i
                            + ", expected " + b[i] + " (tolerance " + test.tolerance() + ")");
                }
            }
        }
        model.runs.set(0);
        model.runNanos.set(0);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** One served model. Runs share a read lock so that close() never frees a session in use. */
    private final class Loaded implements AutoCloseable {
        final ModelCard card;
        final Path file;
        final OrtSession session;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final AtomicLong runs = new AtomicLong();
        final AtomicLong runNanos = new AtomicLong();
        volatile double loadSeconds;
        boolean closed;

        Loaded(ModelCard card, Path file, OrtSession session) {
            this.card = card;
            this.file = file;
            this.session = session;
        }

        ModelInfo info() {
            long n = runs.get();
            return new ModelInfo(card, file, intraOpThreads, loadSeconds, n, n == 0 ? 0 : runNanos.get() / 1e9 / n);
        }

        InferenceResult run(Map<String, Tensor> inputs) {
            checkInputs(inputs);
            lock.readLock().lock();
            try {
                if (closed) throw new InferenceException("model " + card.id() + " was replaced or unloaded");
                Map<String, OnnxTensor> feed = new LinkedHashMap<>();
                try {
                    for (var e : inputs.entrySet()) {
                        Tensor t = e.getValue();
                        feed.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(t.data()), t.shape()));
                    }
                    long start = System.nanoTime();
                    Map<String, Tensor> outputs = new LinkedHashMap<>();
                    try (OrtSession.Result result = session.run(feed)) {
                        for (Map.Entry<String, OnnxValue> out : result) {
                            OnnxTensor tensor = (OnnxTensor) out.getValue();
                            FloatBuffer buffer = tensor.getFloatBuffer();
                            float[] data = new float[buffer.remaining()];
                            buffer.get(data);
                            outputs.put(out.getKey(), new Tensor(tensor.getInfo().getShape(), data));
                        }
                    }
                    long nanos = System.nanoTime() - start;
                    runs.incrementAndGet();
                    runNanos.addAndGet(nanos);
                    return new InferenceResult(card.id(), outputs, nanos / 1e9);
                } finally {
                    feed.values().forEach(OnnxTensor::close);
                }
            } catch (OrtException e) {
                throw new InferenceException("model " + card.id() + " failed: " + firstLine(e.getMessage()), e);
            } finally {
                lock.readLock().unlock();
            }
        }

        private void checkInputs(Map<String, Tensor> inputs) {
            Set<String> expected = card.inputs().stream().map(TensorSpec::name).collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(new TreeSet<>(inputs.keySet()))) {
                throw new InferenceException("model " + card.id() + " takes inputs " + expected + ", got " + new TreeSet<>(inputs.keySet()));
            }
            for (TensorSpec spec : card.inputs()) {
                long[] shape = inputs.get(spec.name()).shape();
                boolean fits = shape.length == spec.shape().size();
                for (int axis = 0; fits && axis < shape.length; axis++) {
                    fits = spec.isFree(axis) ? shape[axis] > 0 : shape[axis] == Long.parseLong(spec.shape().get(axis));
                }
                if (!fits) {
                    throw new InferenceException("model " + card.id() + " input '" + spec.name() + "' must have shape " + spec.shape()
                            + ", got " + Arrays.toString(shape));
                }
            }
        }

        @Override
        public void close() {
            lock.writeLock().lock();
            try {
                if (closed) return;
                closed = true;
                session.close();
            } catch (OrtException e) {
                throw new InferenceException("closing model " + card.id() + " failed", e);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
