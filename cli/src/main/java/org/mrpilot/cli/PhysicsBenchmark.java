package org.mrpilot.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.Fourier;
import org.mrpilot.physics.acquisition.ImagingSimulator;
import org.mrpilot.physics.acquisition.KSpace;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.ProceduralHead;
import org.mrpilot.physics.io.NpyWriter;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.signal.SpinEcho;

/**
 * `./mrpilot bench physics`: wall time to generate a procedural head, acquire the default three-plane localizer and
 * an oblique 256x256xN spin-echo slab, and the slab's FFT recon (JTransforms) next to numpy.fft doing the same
 * centred inverse FFT + magnitude on the same k-space in the same run.
 */
final class PhysicsBenchmark implements Benchmark {
    @Override
    public String name() {
        return "physics";
    }

    @Override
    public String summary() {
        return "phantom, localizer and 256x256xN slab timings; FFT recon vs numpy.fft on the same k-space";
    }

    @Override
    public String usage() {
        return "[--seed N (1)] [--slices N (20)] [--repeats R (5)]";
    }

    @Override
    public JsonObject run(Args args, PrintStream out) throws Exception {
        long seed = args.longValue("seed", 1);
        int slices = args.intValue("slices", 20), repeats = args.intValue("repeats", 5);
        if (slices < 1 || slices > 200 || repeats < 1 || repeats > 100) throw new UsageException("--slices must be 1-200 and --repeats 1-100");
        Path python = python();

        long t0 = System.nanoTime();
        double c0 = cpuSeconds();
        Anatomy anatomy = ProceduralHead.generate(seed);
        double coldGeneration = seconds(t0), coldGenerationCpu = cpuSeconds() - c0;
        List<Double> warm = new ArrayList<>(), warmCpu = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            double c = cpuSeconds();
            ProceduralHead.generate(seed + 1 + r);
            warm.add(seconds(t));
            warmCpu.add(cpuSeconds() - c);
        }
        VirtualPatient patient = VirtualPatient.create(anatomy, seed, 3.0);
        Localizer.acquire(patient); // warm-up
        List<Double> localizer = new ArrayList<>(), localizerCpu = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            double c = cpuSeconds();
            Localizer.acquire(patient);
            localizer.add(seconds(t));
            localizerCpu.add(cpuSeconds() - c);
        }
        SliceGroup slab = new SliceGroup("bench slab", new Vec3(0, 10, 20), new Vec3(1, 0, 0.3).normalized(), Vec3.P, 230, 230, 256, 256, 3, 0.3,
                slices, patient.frameOfReferenceUid(), "HFS");
        long t1 = System.nanoTime();
        double c1 = cpuSeconds();
        ImagingSimulator.Acquisition acquisition = new ImagingSimulator(patient, new SpinEcho(3.0, 0.09)).acquire(slab, 30, seed);
        double slabSeconds = seconds(t1), slabCpu = cpuSeconds() - c1;

        List<KSpace> kspace = acquisition.kspace();
        List<Double> jtransforms = new ArrayList<>();
        float[][] ours = new float[slices][];
        for (int r = 0; r < repeats + 1; r++) { // the first round warms the JIT and is not counted
            long t = System.nanoTime();
            for (int s = 0; s < slices; s++) ours[s] = Fourier.magnitude(kspace.get(s));
            if (r > 0) jtransforms.add(seconds(t));
        }
        Path dir = Files.createTempDirectory("mrpilot-bench-physics");
        try {
            JsonObject peer = numpy(python, kspace, repeats, dir);
            double agreement = maxRelativeDifference(ours, dir.resolve("numpy.npy"), 256 * 256);
            double javaRecon = Statistics.median(jtransforms), numpyRecon = peer.get("median_s").getAsDouble();
            Table table = new Table("step", "wall s", "cpu s", "note");
            table.row("procedural head, first (cold JVM)", coldGeneration, coldGenerationCpu, anatomy.nx() + "x" + anatomy.ny() + "x" + anatomy.nz() + " voxels, 1 mm");
            table.row("procedural head, warm (median of 3)", Statistics.median(warm), Statistics.median(warmCpu), "other seeds");
            table.row("localizer 3x5x192^2 (median of 3)", Statistics.median(localizer), Statistics.median(localizerCpu), "signal volume + partial volume + k-space noise + FFT");
            table.row("slab 256x256x" + slices + " acquire", slabSeconds, slabCpu, "oblique, 3 mm, SE, SNR 30, incl. recon");
            table.row("slab recon, JTransforms", javaRecon, "-", "median of " + repeats);
            table.row("slab recon, numpy.fft " + peer.get("numpy").getAsString(), numpyRecon, "-", "same k-space, same run");
            table.print(out);
            out.printf("recon time ratio JTransforms / numpy.fft = %.2f (below 1: ours faster; JTransforms uses all cores, numpy.fft one);"
                    + " images agree to %.1e of their maximum%n",
                    javaRecon / numpyRecon, agreement);
            out.printf("on %d cores (load average %.1f at the end)%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            JsonObject figures = new JsonObject();
            figures.addProperty("phantom_cold_s", coldGeneration);
            figures.addProperty("phantom_cold_cpu_s", coldGenerationCpu);
            figures.addProperty("phantom_warm_s", Statistics.median(warm));
            figures.addProperty("phantom_warm_cpu_s", Statistics.median(warmCpu));
            figures.addProperty("localizer_s", Statistics.median(localizer));
            figures.addProperty("localizer_cpu_s", Statistics.median(localizerCpu));
            figures.addProperty("slab_slices", slices);
            figures.addProperty("slab_acquire_s", slabSeconds);
            figures.addProperty("slab_acquire_cpu_s", slabCpu);
            figures.addProperty("recon_jtransforms_s", javaRecon);
            figures.addProperty("recon_numpy_s", numpyRecon);
            figures.addProperty("recon_ratio", javaRecon / numpyRecon);
            figures.addProperty("recon_max_relative_difference", agreement);
            return figures;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** CPU seconds of this process (all threads, JIT and GC included): a figure other jobs on the machine barely change. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The project's .venv python (./mrpilot installs numpy there), else python3 on PATH. */
    private static Path python() {
        Path venv = Path.of(".venv/bin/python");
        return Files.isExecutable(venv) ? venv : Path.of("python3");
    }

    private static Path peerScript() throws IOException {
        Path script = Path.of("bundles/physics/src/bench/python/numpy_fft_peer.py");
        if (!Files.isRegularFile(script)) throw new IOException("peer script not found: " + script.toAbsolutePath() + " (run from the repository root)");
        return script;
    }

    private static JsonObject numpy(Path python, List<KSpace> kspace, int repeats, Path dir) throws IOException, InterruptedException {
        KSpace first = kspace.get(0);
        Path input = dir.resolve("kspace.npy");
        try (NpyWriter w = new NpyWriter(input, NpyWriter.Type.FLOAT64, kspace.size(), first.rows(), first.columns(), 2)) {
            for (KSpace k : kspace) w.write(k.data());
        }
        Process p = new ProcessBuilder(python.toString(), peerScript().toString(), input.toString(), Integer.toString(repeats),
                dir.resolve("numpy.npy").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("numpy peer failed (" + python + "; numpy installed?): " + output);
        }
        String[] lines = output.split("\n");
        return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    }

    private static double maxRelativeDifference(float[][] ours, Path numpyFile, int perSlice) throws IOException {
        byte[] b = Files.readAllBytes(numpyFile);
        int header = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        ByteBuffer values = ByteBuffer.wrap(b, 10 + header, b.length - 10 - header).order(ByteOrder.LITTLE_ENDIAN);
        double max = 0, diff = 0;
        for (float[] slice : ours) {
            if (slice.length != perSlice) throw new IllegalStateException("unexpected slice size");
            for (float v : slice) {
                float peer = values.getFloat();
                max = Math.max(max, Math.abs(v));
                diff = Math.max(diff, Math.abs(v - peer));
            }
        }
        return max == 0 ? Double.NaN : diff / max;
    }
}
