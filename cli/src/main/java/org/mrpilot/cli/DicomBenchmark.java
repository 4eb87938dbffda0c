package org.mrpilot.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.dicom.InstanceStore;
import org.mrpilot.dicom.Log;
import org.mrpilot.dicom.PhantomSeries;
import org.mrpilot.dicom.Receiver;
import org.mrpilot.dicom.ScpSettings;

/**
 * `./mrpilot bench dicom`: instances per second received from dcmtk's storescu, by our C-STORE receiver and by
 * dcmtk's own storescp, on the same synthetic series in the same run (alternating, median of the runs).
 */
final class DicomBenchmark implements Benchmark {
    @Override
    public String name() {
        return "dicom";
    }

    @Override
    public String summary() {
        return "C-STORE receive throughput: our receiver vs dcmtk storescp (needs dcmtk)";
    }

    @Override
    public String usage() {
        return "--images N (200) --size PIXELS (256) --runs N (3)";
    }

    @Override
    public JsonObject run(Args args, PrintStream out) throws Exception {
        int images = args.intValue("images", 200);
        int size = args.intValue("size", 256);
        int runs = args.intValue("runs", 3);
        if (images < 1 || size < 8 || runs < 1) throw new UsageException("--images, --runs must be positive and --size at least 8");
        for (String tool : List.of("storescu", "storescp")) {
            if (!onPath(tool)) throw new IllegalStateException(tool + " not found: install dcmtk (deps/apt/test-dicom.txt)");
        }
        Path work = Files.createTempDirectory("mrpilot-bench-dicom");
        try {
            List<Path> series = PhantomSeries.write(work.resolve("series"), "1.2.826.0.1.3680043.9.7777.900", 1, "bench",
                    PhantomSeries.stack(images, new Vec3(-128, -128, -100), Vec3.L, Vec3.P, 1), size, 1, true);
            long bytes = 0;
            for (Path p : series) bytes += Files.size(p);
            double[] ours = new double[runs];
            double[] dcmtk = new double[runs];
            double[] floors = new double[runs];
            try (Progress progress = new Progress("bench dicom", 2L * runs + 2)) {
                // One untimed round each first, so neither side is measured while its code is still being compiled.
                List<Path> warmUp = series.subList(0, Math.min(20, images));
                ours(warmUp, work.resolve("warm-ours"));
                progress.step();
                dcmtk(warmUp, work.resolve("warm-dcmtk"));
                progress.step();
                for (int r = 0; r < runs; r++) {
                    ours[r] = images / ours(series, work.resolve("ours-" + r));
                    progress.step();
                    dcmtk[r] = images / dcmtk(series, work.resolve("dcmtk-" + r));
                    floors[r] = durabilityFloor(series, work.resolve("floor-" + r));
                    progress.step();
                }
            }
            double floor = Statistics.median(floors);
            double oursMedian = Statistics.median(ours);
            double dcmtkMedian = Statistics.median(dcmtk);
            double mb = bytes / 1e6;
            out.printf("%d MR images of %dx%d (16 bit), %.1f MB, sent by storescu over loopback (TCP_NODELAY=1), median of %d runs after a warm-up%n", images, size, size, mb, runs);
            new Table("receiver", "instances/s", "MB/s", "runs (instances/s)")
                    .row("mrpilot (fsync + atomic rename per instance)", oursMedian, oursMedian * mb / images, Arrays.toString(round(ours)))
                    .row("dcmtk storescp (no fsync)", dcmtkMedian, dcmtkMedian * mb / images, Arrays.toString(round(dcmtk)))
                    .row("disk floor: write+fsync+rename+dir fsync only", floor, floor * mb / images, Arrays.toString(round(floors)))
                    .print(out);
            out.printf("ratio mrpilot / storescp: %.2f%n", oursMedian / dcmtkMedian);
            JsonObject figures = new JsonObject();
            figures.addProperty("images", images);
            figures.addProperty("size", size);
            figures.addProperty("megabytes", mb);
            figures.addProperty("mrpilot_instances_per_s", oursMedian);
            figures.addProperty("storescp_instances_per_s", dcmtkMedian);
            figures.addProperty("ratio", oursMedian / dcmtkMedian);
            figures.addProperty("durable_write_floor_instances_per_s", floor);
            return figures;
        } finally {
            ScratchFolder.delete(work);
        }
    }

    /** Seconds for storescu to deliver the series to our receiver (each success answered only once on disk). */
    private static double ours(List<Path> series, Path store) throws Exception {
        ScpSettings settings = new ScpSettings("MRPILOT", InetAddress.getLoopbackAddress(), 0, Set.of(), 4, Duration.ofSeconds(2));
        try (Receiver receiver = new Receiver(settings, new InstanceStore(store, 64L << 20), List::of, quiet())) {
            return send(series, receiver.port(), "MRPILOT");
        }
    }

    private static double dcmtk(List<Path> series, Path dir) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        Process scp = dcmtk(new ProcessBuilder("storescp", "-aet", "STORESCP", "-od", dir.toString(), String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitForPort(port);
            return send(series, port, "STORESCP");
        } finally {
            scp.destroy();
            if (!scp.waitFor(5, TimeUnit.SECONDS)) scp.destroyForcibly();
        }
    }

    /** Instances/s this disk allows for the durable writes alone (what every acknowledged instance costs us). */
    private static double durabilityFloor(List<Path> series, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("incoming"));
        Files.createDirectories(dir.resolve("stored"));
        long start = System.nanoTime();
        for (Path p : series) {
            Path temp = dir.resolve("incoming").resolve(p.getFileName());
            Files.write(temp, Files.readAllBytes(p));
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(temp, dir.resolve("stored").resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel c = FileChannel.open(dir.resolve("stored"), StandardOpenOption.READ)) {
                c.force(true);
            }
        }
        return series.size() / ((System.nanoTime() - start) / 1e9);
    }


    private static double send(List<Path> series, int port, String calledAe) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "BENCH", "-aec", calledAe, "127.0.0.1", String.valueOf(port)));
        series.forEach(p -> cmd.add(p.toString()));
        long start = System.nanoTime();
        Process p = dcmtk(new ProcessBuilder(cmd)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("storescu to " + calledAe + " failed: " + output.strip());
        return (System.nanoTime() - start) / 1e9;
    }

    /** dcmtk with Nagle's algorithm off (its TCP_NODELAY switch), as PixelMed runs: without it storescp is ~30 % slower here. */
    private static ProcessBuilder dcmtk(ProcessBuilder pb) {
        pb.environment().put("TCP_NODELAY", "1");
        return pb;
    }

    private static void waitForPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("storescp did not start listening on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }

    private static Log quiet() {
        return new Log() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                System.err.println("mrpilot bench dicom: " + message);
            }
        };
    }
}
