package org.mrpilot.cli.mapping;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;
import org.mrpilot.cli.Args;
import org.mrpilot.cli.Benchmark;
import org.mrpilot.cli.Progress;
import org.mrpilot.cli.Table;
import org.mrpilot.cli.UsageException;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.mapping.MleMapper;
import org.mrpilot.mapping.RimMapper;
import org.mrpilot.physics.anatomy.Label;

/**
 * `./mrpilot bench rim`: the Monte Carlo experiment of seed 001 section 5.1.1 on a held-out 256x256 slice,
 * RIM against the voxel-wise MLE in the same run: per-pixel relative bias and CV of every parameter inside the
 * brain, per SNR; T1 on the 31-TI schedule (and 23/25 TIs for generalisation), T2 on the 6-TE schedule incl. CSF;
 * wall time of both for one 256x256 map; and the small-structure test of section 5.1.2.
 */
public final class RimBenchmark implements Benchmark {
    static final int[] SNRS = {3, 5, 10, 30, 60, 100};
    static final int STRUCTURE_SNR = 10;
    static final int CV_TARGET_MAX_SNR = 10; // the issue's CV target (RIM <= half the MLE's) applies up to this SNR
    static final double CV_TARGET_RATIO = 0.5;
    /** Median of |z| for a standard normal z. */
    static final double HALF_NORMAL_MEDIAN = 0.6745;
    /** The brain's tissues, reported apart so a bias in one (e.g. CSF's long T2 on a 320 ms echo train) is not hidden by the median. */
    static final List<Label> TISSUES = List.of(Label.WHITE_MATTER, Label.GREY_MATTER, Label.CSF);
    static final long NOISE_SEED = 515151; // noise never used in training (training draws from its own seeds)
    static final double[] TI_23 = {0.172, 0.204, 0.237, 0.270, 0.303, 0.335, 0.368, 0.401, 0.434, 0.467, 0.499, 0.532, 0.565,
            0.598, 0.630, 0.663, 0.696, 0.729, 0.761, 0.794, 0.827, 0.860, 0.893};
    static final double[] TI_25 = concat(TI_23, 0.925, 0.958);
    static final double[] TI_31 = {0.139, 0.166, 0.193, 0.219, 0.246, 0.272, 0.299, 0.325, 0.352, 0.379, 0.405, 0.432, 0.458,
            0.485, 0.511, 0.538, 0.565, 0.591, 0.618, 0.644, 0.671, 0.697, 0.724, 0.751, 0.777, 0.804, 0.838, 0.857, 0.883, 0.915, 0.937};
    static final double[] TE_6 = {0.010, 0.020, 0.040, 0.080, 0.160, 0.320};

    @Override
    public String name() {
        return "rim";
    }

    @Override
    public String summary() {
        return "RIM vs MLE T1/T2 mapping: Monte Carlo bias/CV per SNR, speed, TI generalisation, small structures";
    }

    @Override
    public String usage() {
        return "[--realisations N (noise realisations per SNR, default 20)] [--kind t1|t2 (default both; t2 alone skips speed, generalisation"
                + " and small structures, which are T1's)] [--models DIR] [--png-dir DIR (default bench-out/rim)] [--threads N]";
    }

    /** Estimates of one method over the realisations of one experiment. */
    private static final class Estimates {
        final PixelStatistics relaxation = new PixelStatistics(HeldOutHead.SIZE * HeldOutHead.SIZE);
        final PixelStatistics amplitude = new PixelStatistics(HeldOutHead.SIZE * HeldOutHead.SIZE);
        final PixelStatistics inversion = new PixelStatistics(HeldOutHead.SIZE * HeldOutHead.SIZE);
        final List<Double> seconds = new ArrayList<>();

        void add(QuantitativeMap map) {
            relaxation.add(map.relaxationS());
            amplitude.add(map.amplitude());
            if (map.inversion() != null) inversion.add(map.inversion());
            seconds.add(map.seconds());
        }
    }

    private record Runner(String method, java.util.function.Function<WeightedSeries, QuantitativeMap> map) {
    }

    @Override
    public JsonObject run(Args args, PrintStream out) throws Exception {
        int realisations = args.intValue("realisations", 20);
        Path models = Path.of(args.string("models", RimModels.DEFAULT_DIRECTORY.toString()));
        Path pngDir = Path.of(args.string("png-dir", "bench-out/rim"));
        int threads = args.intValue("threads", 0);
        if (realisations < 2) throw new UsageException("--realisations must be >= 2 (CV needs two), got " + realisations);
        if (threads < 0) throw new UsageException("--threads must be >= 0");
        Set<RelaxometryKind> kinds = kinds(args.string("kind", null));
        Files.createDirectories(pngDir);
        HeldOutHead head = new HeldOutHead(HeldOutHead.SEED);
        SmallStructures structures = new SmallStructures(head);
        boolean[] brain = head.brain.clone();
        JsonObject root = new JsonObject();
        root.addProperty("realisations", realisations);
        root.addProperty("slice", "held-out procedural virtual patient (physics core) seed " + HeldOutHead.SEED + ", axial 256x256 at "
                + HeldOutHead.PIXEL_MM + " mm, 3 T; noise seed " + NOISE_SEED + ", sigma = 1/SNR of the CSF proton density");
        Table table = new Table("kind", "SNR", "method", "T cv", "T bias", "T |bias|", "noise floor", "A cv", "A bias", "B cv", "B bias");
        Table tissueTable = new Table("kind", "SNR", "method", "WM |bias|", "GM |bias|", "CSF |bias|", "WM cv", "GM cv", "CSF cv");
        Table floorTable = new Table("kind", "SNR", "floor |bias|", "own share", "cv", "cv ceiling");
        try (OnnxInference host = RimModels.open(models, System.err); MleMapper mle = new MleMapper(threads)) {
            RimMapper rim = new RimMapper(host);
            root.add("models", modelsJudged(host, kinds));
            Map<RelaxometryKind, List<Runner>> runners = new LinkedHashMap<>();
            for (RelaxometryKind kind : kinds) {
                List<Runner> list = new ArrayList<>();
                if (host.model(RimMapper.modelName(kind)).isPresent()) list.add(new Runner("rim", rim::map));
                list.add(new Runner("mle", mle::map));
                runners.put(kind, list);
            }
            boolean t1 = kinds.contains(RelaxometryKind.T1);
            long runs = 0;
            for (RelaxometryKind kind : kinds) runs += (long) realisations * SNRS.length * runners.get(kind).size();
            if (t1) runs += 3L * realisations * runners.get(RelaxometryKind.T1).size();
            try (Progress progress = new Progress("bench rim", runs)) {
                Map<String, Estimates> t1AtStructureSnr = null;
                for (RelaxometryKind kind : kinds) {
                    JsonObject json = new JsonObject();
                    Map<String, Estimates> atStructureSnr = sweep(kind, kind == RelaxometryKind.T1 ? TI_31 : TE_6, head, brain, runners.get(kind),
                            realisations, progress, json, table, tissueTable, floorTable, pngDir);
                    if (kind == RelaxometryKind.T1) t1AtStructureSnr = atStructureSnr;
                    root.add(kind.name().toLowerCase(), json);
                }
                if (t1) {
                    root.add("speed", speed(t1AtStructureSnr, host.intraOpThreads(), mle.threads()));
                    root.add("generalisation", generalisation(head, brain, runners.get(RelaxometryKind.T1), realisations, progress, t1AtStructureSnr));
                    root.add("small_structures", smallStructures(head, structures, runners.get(RelaxometryKind.T1), realisations, progress, t1AtStructureSnr));
                }
            }
        }
        out.println("RIM vs MLE, held-out 256x256 slice, " + realisations + " noise realisations per SNR; medians over the brain of per-pixel metrics");
        table.print(out);
        out.println("relaxation time by tissue (medians over the tissue's pixels in the brain):");
        tissueTable.print(out);
        out.println("texture floor: the lowest median |bias| of T that shrinking each pixel's Cramer-Rao-efficient estimate towards its"
                + " tissue's exact mean reaches, given the phantom's voxel texture and " + realisations + " realisations (within the CV target where it applies):");
        floorTable.print(out);
        if (root.has("speed")) printSummary(root, out);
        out.println("box plots: " + pngDir);
        return root;
    }

    /** Name, version and sha256 of each RIM model the run judges, so its figures can be tied to the model files. */
    private static JsonObject modelsJudged(OnnxInference host, Set<RelaxometryKind> kinds) {
        JsonObject models = new JsonObject();
        for (RelaxometryKind kind : kinds) {
            host.model(RimMapper.modelName(kind)).ifPresent(info -> {
                JsonObject m = new JsonObject();
                m.addProperty("version", info.card().version());
                m.addProperty("sha256", info.card().sha256());
                models.add(info.card().name(), m);
            });
        }
        return models;
    }

    /** The kinds --kind names (t1 or t2), in benchmark order; both when it is absent. */
    static Set<RelaxometryKind> kinds(String kind) {
        if (kind == null) return EnumSet.allOf(RelaxometryKind.class);
        return switch (kind) {
            case "t1" -> EnumSet.of(RelaxometryKind.T1);
            case "t2" -> EnumSet.of(RelaxometryKind.T2);
            default -> throw new UsageException("--kind must be t1 or t2, got " + kind);
        };
    }

    /** Monte Carlo over all SNRs for one kind; returns the estimates at STRUCTURE_SNR (reused as speed and E1 data). */
    private Map<String, Estimates> sweep(RelaxometryKind kind, double[] times, HeldOutHead head, boolean[] brain, List<Runner> runners,
                                         int realisations, Progress progress, JsonObject json, Table table, Table tissueTable, Table floorTable,
                                         Path pngDir) throws java.io.IOException {
        JsonObject perSnr = new JsonObject();
        JsonObject floors = new JsonObject();
        TextureFloor textureFloor = new TextureFloor(kind, times, head, brain);
        Map<String, Estimates> keep = null;
        Map<String, List<BoxPlot.Group>> plots = new LinkedHashMap<>();
        for (int snr : SNRS) {
            Map<String, Estimates> estimates = monteCarlo(kind, times, head, runners, realisations, snr, progress);
            JsonObject methods = new JsonObject();
            for (var e : estimates.entrySet()) {
                JsonObject m = metrics(kind, e.getValue(), head, brain);
                methods.add(e.getKey(), m);
                List<Object> cells = new ArrayList<>(List.of(kind.name(), snr, e.getKey()));
                for (String f : List.of("abs_bias_median", "cv_median")) {
                    for (Label tissue : TISSUES) cells.add(m.getAsJsonObject("by_tissue").getAsJsonObject(tissue.name().toLowerCase()).get(f).getAsDouble());
                }
                tissueTable.row(cells.toArray());
                table.row(kind.name(), snr, e.getKey(), m.get("cv_median").getAsDouble(), m.get("bias_median").getAsDouble(),
                        m.get("abs_bias_median").getAsDouble(), m.get("abs_bias_noise_floor").getAsDouble(),
                        m.getAsJsonObject("A").get("cv_median").getAsDouble(),
                        m.getAsJsonObject("A").get("bias_median").getAsDouble(),
                        kind == RelaxometryKind.T1 ? m.getAsJsonObject("B").get("cv_median").getAsDouble() : "-",
                        kind == RelaxometryKind.T1 ? m.getAsJsonObject("B").get("bias_median").getAsDouble() : "-");
            }
            addBoxes(plots, kind, String.valueOf(snr), estimates, head, brain);
            double cvCeiling = snr <= CV_TARGET_MAX_SNR ? CV_TARGET_RATIO * methods.getAsJsonObject("mle").get("cv_median").getAsDouble()
                    : Double.POSITIVE_INFINITY;
            TextureFloor.Result floor = textureFloor.at(snr, realisations, cvCeiling);
            JsonObject f = new JsonObject();
            f.addProperty("abs_bias_median", floor.absBiasMedian());
            f.addProperty("own_share", floor.ownShare());
            f.addProperty("cv_median", floor.cvMedian());
            if (Double.isFinite(cvCeiling)) f.addProperty("cv_ceiling", cvCeiling);
            floors.add(String.valueOf(snr), f);
            floorTable.row(kind.name(), snr, floor.absBiasMedian(), floor.ownShare(), floor.cvMedian(), Double.isFinite(cvCeiling) ? cvCeiling : "-");
            perSnr.add(String.valueOf(snr), methods);
            if (snr == STRUCTURE_SNR) keep = estimates;
        }
        json.add("snr", perSnr);
        json.add("texture_floor", floors);
        List<String> methodNames = runners.stream().map(Runner::method).toList();
        for (var p : plots.entrySet()) {
            BoxPlot.write(pngDir.resolve(kind.name().toLowerCase() + "_" + p.getKey() + ".png"),
                    kind + " " + p.getKey().replace('_', ' ') + " per pixel in the brain", methodNames, p.getValue());
        }
        return keep;
    }

    private Map<String, Estimates> monteCarlo(RelaxometryKind kind, double[] times, HeldOutHead head, List<Runner> runners,
                                              int realisations, int snr, Progress progress) {
        float[][] clean = head.images(kind, times);
        Map<String, Estimates> estimates = new LinkedHashMap<>();
        for (Runner r : runners) estimates.put(r.method(), new Estimates());
        for (int k = 0; k < realisations; k++) {
            Random noise = new Random(NOISE_SEED + 100_000L * kind.ordinal() + 1000L * snr + k);
            float[][] noisy = new float[times.length][];
            for (int n = 0; n < times.length; n++) {
                noisy[n] = clean[n].clone();
                for (int i = 0; i < noisy[n].length; i++) noisy[n][i] += (float) (noise.nextGaussian() / snr);
            }
            WeightedSeries series = new WeightedSeries(kind, times, HeldOutHead.SIZE, HeldOutHead.SIZE, noisy);
            for (Runner r : runners) {
                estimates.get(r.method()).add(r.map().apply(series));
                progress.step();
            }
        }
        return estimates;
    }

    private static JsonObject metrics(RelaxometryKind kind, Estimates e, HeldOutHead head, boolean[] include) {
        float[] truthT = kind == RelaxometryKind.T1 ? head.t1 : head.t2;
        JsonObject m = summary(e.relaxation, truthT, include);
        JsonObject byTissue = new JsonObject();
        for (Label tissue : TISSUES) {
            boolean[] in = new boolean[include.length];
            for (int i = 0; i < in.length; i++) in[i] = include[i] && head.is(i, tissue);
            byTissue.add(tissue.name().toLowerCase(), summary(e.relaxation, truthT, in));
        }
        m.add("by_tissue", byTissue);
        m.add("A", summary(e.amplitude, head.pd, include));
        if (kind == RelaxometryKind.T1) m.add("B", summary(e.inversion, head.b, include));
        return m;
    }

    private static JsonObject summary(PixelStatistics s, float[] truth, boolean[] include) {
        double[] bias = s.relativeBias(truth, include);
        JsonObject o = new JsonObject();
        o.addProperty("cv_median", PixelStatistics.median(s.coefficientOfVariation(include)));
        o.addProperty("bias_median", PixelStatistics.median(bias));
        o.addProperty("abs_bias_median", PixelStatistics.medianAbs(bias));
        // What an unbiased estimator with this spread would show: the mean of R realisations still scatters.
        o.addProperty("abs_bias_noise_floor", HALF_NORMAL_MEDIAN * PixelStatistics.median(s.relativeStandardErrorOfMean(truth, include)));
        return o;
    }

    private static void addBoxes(Map<String, List<BoxPlot.Group>> plots, RelaxometryKind kind, String label, Map<String, Estimates> estimates,
                                 HeldOutHead head, boolean[] brain) {
        Map<String, java.util.function.Function<Estimates, PixelStatistics>> params = new LinkedHashMap<>();
        params.put(kind.name(), e -> e.relaxation);
        params.put("A", e -> e.amplitude);
        if (kind == RelaxometryKind.T1) params.put("B", e -> e.inversion);
        for (var p : params.entrySet()) {
            float[] truth = p.getKey().equals("A") ? head.pd : p.getKey().equals("B") ? head.b : kind == RelaxometryKind.T1 ? head.t1 : head.t2;
            List<double[]> bias = new ArrayList<>(), cv = new ArrayList<>();
            for (Estimates e : estimates.values()) {
                bias.add(p.getValue().apply(e).relativeBias(truth, brain));
                cv.add(p.getValue().apply(e).coefficientOfVariation(brain));
            }
            plots.computeIfAbsent(p.getKey() + "_relative_bias", x -> new ArrayList<>()).add(new BoxPlot.Group(label, bias));
            plots.computeIfAbsent(p.getKey() + "_cv", x -> new ArrayList<>()).add(new BoxPlot.Group(label, cv));
        }
    }

    private static JsonObject speed(Map<String, Estimates> atSnr, int rimThreads, int mleThreads) {
        JsonObject o = new JsonObject();
        double mleS = PixelStatistics.median(atSnr.get("mle").seconds.stream().mapToDouble(Double::doubleValue).toArray());
        o.addProperty("mle_s", mleS);
        o.addProperty("mle_threads", mleThreads);
        if (atSnr.containsKey("rim")) {
            double rimS = PixelStatistics.median(atSnr.get("rim").seconds.stream().mapToDouble(Double::doubleValue).toArray());
            o.addProperty("rim_s", rimS);
            o.addProperty("rim_threads", rimThreads);
            o.addProperty("ratio", mleS / rimS);
        }
        o.addProperty("what", "median wall time of one 256x256x31 T1 map at SNR " + STRUCTURE_SNR + "; ratio = MLE / RIM");
        return o;
    }

    private JsonObject generalisation(HeldOutHead head, boolean[] brain, List<Runner> runners, int realisations, Progress progress,
                                      Map<String, Estimates> ti31) {
        JsonObject o = new JsonObject();
        Map<String, double[]> schedules = new LinkedHashMap<>();
        schedules.put("23", TI_23);
        schedules.put("25", TI_25);
        for (var s : schedules.entrySet()) {
            JsonObject methods = new JsonObject();
            for (var e : monteCarlo(RelaxometryKind.T1, s.getValue(), head, runners, realisations, STRUCTURE_SNR, progress).entrySet()) {
                methods.add(e.getKey(), metrics(RelaxometryKind.T1, e.getValue(), head, brain));
            }
            o.add(s.getKey(), methods);
        }
        JsonObject methods31 = new JsonObject();
        for (var e : ti31.entrySet()) methods31.add(e.getKey(), metrics(RelaxometryKind.T1, e.getValue(), head, brain));
        o.add("31", methods31);
        o.addProperty("snr", STRUCTURE_SNR);
        return o;
    }

    private JsonObject smallStructures(HeldOutHead head, SmallStructures s, List<Runner> runners, int realisations, Progress progress,
                                       Map<String, Estimates> e1) {
        Map<String, Estimates> e2 = monteCarlo(RelaxometryKind.T1, TI_31, s.planted, runners, realisations, STRUCTURE_SNR, progress);
        JsonObject o = new JsonObject();
        for (var st : s.structures.entrySet()) {
            JsonObject methods = new JsonObject();
            for (String method : e2.keySet()) {
                JsonObject m = new JsonObject();
                PixelStatistics base = e1.get(method).relaxation, planted = e2.get(method).relaxation;
                boolean[] px = st.getValue().pixels(), around = st.getValue().neighbourhood();
                m.addProperty("e1_structure_bias", PixelStatistics.median(base.relativeBias(head.t1, px)));
                m.addProperty("e2_structure_bias", PixelStatistics.median(planted.relativeBias(s.planted.t1, px)));
                m.addProperty("e1_structure_cv", PixelStatistics.median(base.coefficientOfVariation(px)));
                m.addProperty("e2_structure_cv", PixelStatistics.median(planted.coefficientOfVariation(px)));
                m.addProperty("e1_neighbourhood_bias", PixelStatistics.median(base.relativeBias(head.t1, around)));
                m.addProperty("e2_neighbourhood_bias", PixelStatistics.median(planted.relativeBias(s.planted.t1, around)));
                methods.add(method, m);
            }
            o.add(st.getKey(), methods);
        }
        o.addProperty("snr", STRUCTURE_SNR);
        return o;
    }

    private static void printSummary(JsonObject root, PrintStream out) {
        JsonObject speed = root.getAsJsonObject("speed");
        if (speed.has("ratio")) {
            out.printf(java.util.Locale.ROOT, "speed (256x256x31 T1 map): RIM %.2f s (%d threads), MLE %.2f s (%d threads), MLE/RIM = %.1f%n",
                    speed.get("rim_s").getAsDouble(), speed.get("rim_threads").getAsInt(), speed.get("mle_s").getAsDouble(),
                    speed.get("mle_threads").getAsInt(), speed.get("ratio").getAsDouble());
        } else {
            out.printf(java.util.Locale.ROOT, "speed: MLE %.2f s; no RIM model loaded%n", speed.get("mle_s").getAsDouble());
        }
        Table gen = new Table("TIs", "method", "T1 cv", "T1 bias", "T1 |bias|");
        for (var s : root.getAsJsonObject("generalisation").entrySet()) {
            if (!s.getValue().isJsonObject()) continue;
            for (var m : s.getValue().getAsJsonObject().entrySet()) {
                JsonObject v = m.getValue().getAsJsonObject();
                gen.row(s.getKey(), m.getKey(), v.get("cv_median").getAsDouble(), v.get("bias_median").getAsDouble(), v.get("abs_bias_median").getAsDouble());
            }
        }
        out.println("generalisation, SNR " + STRUCTURE_SNR + ":");
        gen.print(out);
        Table st = new Table("structure", "method", "bias E1", "bias E2", "cv E1", "cv E2", "nbhd bias E1", "nbhd bias E2");
        for (var s : root.getAsJsonObject("small_structures").entrySet()) {
            if (!s.getValue().isJsonObject()) continue;
            for (var m : s.getValue().getAsJsonObject().entrySet()) {
                JsonObject v = m.getValue().getAsJsonObject();
                st.row(s.getKey(), m.getKey(), v.get("e1_structure_bias").getAsDouble(), v.get("e2_structure_bias").getAsDouble(),
                        v.get("e1_structure_cv").getAsDouble(), v.get("e2_structure_cv").getAsDouble(),
                        v.get("e1_neighbourhood_bias").getAsDouble(), v.get("e2_neighbourhood_bias").getAsDouble());
            }
        }
        out.println("small structures (seed 001 section 5.1.2), T1, SNR " + STRUCTURE_SNR + ":");
        st.print(out);
    }

    private static double[] concat(double[] a, double... b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
