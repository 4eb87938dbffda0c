package org.mrpilot.cli;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.dicom.LocalizerFolder;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.planning.AcPcFrame;
import org.mrpilot.planning.CanonicalGrid;
import org.mrpilot.planning.Coverage;
import org.mrpilot.planning.FollowUpLocalizer;
import org.mrpilot.planning.LocalizerRejectedException;
import org.mrpilot.planning.Plan;
import org.mrpilot.planning.Plane;
import org.mrpilot.planning.SlabCoverage;
import org.mrpilot.planning.SlicePlanner;

/**
 * `./mrpilot bench planning`: plans held-out localizers (planning collections whose seeds training never used, both
 * anatomy sources, random pose and localizer variation) from their DICOM files and compares with the ground truth.
 * Each localizer is written as DICOM first (untimed); latency is DICOM folder in to plan out. The auto-execute threshold
 * is calibrated on a second held-out collection and scored on the evaluation collection. The peer is the plan a scanner
 * makes without anatomy, stacks along the scanner axes, whose angle error is the head's own tilt.
 */
final class PlanningBenchmark implements Benchmark {
    /** The nets' training and calibration collections (below) never include these. */
    static final long HELD_OUT_SEED = 9001;
    static final long CALIBRATION_SEED = 9002;
    /**
     * Collections the nets saw: landmark training 101-103; commissure training 111-120; quality training 101-103, 111-117
     * and 201-205; the quality threshold 118 and 9201.
     */
    static final Set<Long> USED_IN_TRAINING = Set.of(101L, 102L, 103L, 111L, 112L, 113L, 114L, 115L, 116L, 117L, 118L, 119L, 120L, 201L, 202L, 203L, 204L,
            205L, 9201L);
    /** Auto-executed plans must keep the p95 of both angle errors within this (the calibration target). */
    static final double MAX_AUTO_P95_DEG = 2;
    /**
     * How unlikely the calibration plans' few large errors must be if 5 % or more of such plans exceeded
     * {@link #MAX_AUTO_P95_DEG}: a threshold is trusted at 80 % confidence, not merely because its calibration p95 is in
     * range (a p95 read off ~100 plans moves by tenths of a degree between collections).
     */
    static final double CALIBRATION_RISK = 0.2;
    /** Every this many evaluation localizers, each {@link LocalizerDamage} is made from it and scored. */
    static final int ARTEFACT_EVERY = 4;
    /** Coverage counts brain down to this depth below the true AC-PC plane: the mask continues into the spinal canal. */
    static final double COVERAGE_DEPTH_MM = 80;

    /** Ground-truth comparison of one plan. */
    record Errors(double acMm, double pcMm, double mspDeg, double acpcDeg, double coverage) {
        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("ac_mm", acMm);
            o.addProperty("pc_mm", pcMm);
            o.addProperty("msp_deg", mspDeg);
            o.addProperty("acpc_deg", acpcDeg);
            o.addProperty("coverage", coverage);
            return o;
        }
    }

    /**
     * One planned localizer. {@code errors} and {@code confidence} are those of the product's final plan: planned again
     * with the follow-up localizer the first plan asked for ({@code followUp}), else the first plan. Also the first
     * plan's errors, the scanner-axes plan's errors, latency of the first plan and of the second (NaN without one),
     * whether both true commissures lie inside the slab of some slice of the first localizer (else the nets must infer
     * them from the anatomy around), and whether the first plan says so of its own estimated commissures.
     */
    record Planned(Errors errors, Errors firstPass, Errors peer, double confidence, double latencyS, FollowUp followUp, double followUpLatencyS,
                   boolean commissuresInSlabs, boolean planSaysImaged) {
    }

    /** Whether the first plan's follow-up localizer was acquired, and what planning again with it gave. */
    enum FollowUp {
        NOT_ACQUIRED, PLANNED, REFUSED
    }

    @Override
    public String name() {
        return "planning";
    }

    @Override
    public String summary() {
        return "slice planning on held-out DICOM localizers: landmark, plane, AC-PC errors, coverage, quality, latency, auto fraction vs scanner axes";
    }

    @Override
    public String usage() {
        return "[--count N (200)] [--calibration-count M (200)] [--seed S (9001)] [--calibration-seed C (9002)] [--icbm-dir DIR] [--models DIR]"
                + " [--threads T (2)] [--no-follow-up (plan from the localizer alone, never acquiring the follow-up localizer a plan asks for)]";
    }

    @Override
    public JsonObject run(Args args, PrintStream out) throws Exception {
        int count = args.intValue("count", 200);
        int calibrationCount = args.intValue("calibration-count", 200);
        long seed = args.longValue("seed", HELD_OUT_SEED);
        long calibrationSeed = args.longValue("calibration-seed", CALIBRATION_SEED);
        int threads = args.intValue("threads", 2);
        if (count < 1 || count > 5000 || calibrationCount < 1 || calibrationCount > 5000) throw new UsageException("--count and --calibration-count must be 1-5000");
        if (seed == calibrationSeed) throw new UsageException("the calibration collection must differ from the evaluation collection");
        for (long s : new long[] {seed, calibrationSeed}) {
            if (USED_IN_TRAINING.contains(s)) throw new UsageException("collection " + s + " was used to train or calibrate the planning nets");
        }
        AnatomyFactory anatomies = new AnatomyFactory(AnatomySource.BOTH, args.path("icbm-dir", null));
        Path models = args.path("models", PlanningModels.DEFAULT_DIRECTORY);
        boolean followUps = !args.flag("no-follow-up");
        args.done();
        int artefactBases = (count + ARTEFACT_EVERY - 1) / ARTEFACT_EVERY;
        Path work = Files.createTempDirectory("mrpilot-bench-planning");
        List<Planned> calibration = new ArrayList<>(), evaluation = new ArrayList<>();
        Map<LocalizerDamage, int[]> artefactsRefused = new EnumMap<>(LocalizerDamage.class);
        int[] refused = new int[2];
        try (OnnxInference host = PlanningModels.open(models, threads);
             Progress progress = new Progress("planning", calibrationCount + count + (long) artefactBases * LocalizerDamage.values().length)) {
            SlicePlanner planner = PlanningModels.planner(host);
            Trial trial = new Trial(planner, work, followUps);
            for (int i = 0; i < calibrationCount; i++) {
                GeneratedLocalizer g = GeneratedLocalizer.of(anatomies, calibrationSeed, i, 2);
                if (i == 0) trial.plan(g, g.slices()); // warm-up: the first inference allocates the session's buffers
                trial.measure(g).ifPresentOrElse(calibration::add, () -> refused[0]++);
                progress.step();
            }
            for (int i = 0; i < count; i++) {
                GeneratedLocalizer g = GeneratedLocalizer.of(anatomies, seed, i, 2);
                trial.measure(g).ifPresentOrElse(evaluation::add, () -> refused[1]++);
                progress.step();
                if (i % ARTEFACT_EVERY != 0) continue;
                for (LocalizerDamage a : LocalizerDamage.values()) {
                    int[] tally = artefactsRefused.computeIfAbsent(a, k -> new int[2]);
                    if (trial.plan(g, a.apply(g.slices(), g.patient().seed())) == null) tally[0]++;
                    tally[1]++;
                    progress.step();
                }
            }
        } finally {
            ScratchFolder.delete(work);
        }
        return report(out, seed, calibrationSeed, calibration, evaluation, refused, artefactsRefused);
    }

    /**
     * Plans localizers from their DICOM files in a scratch folder, the way a folder from the scanner is planned; when
     * {@code followUps}, the follow-up localizer a plan asks for is acquired and written as DICOM too, and the plan is made
     * again with it.
     */
    private record Trial(SlicePlanner planner, Path work, boolean followUps) {
        /** The plan of {@code slices} (written as {@code g}'s series), or null when the localizer is refused. */
        Plan plan(GeneratedLocalizer g, List<ImageSlice> slices) throws IOException {
            Path dir = work.resolve("localizer");
            g.writeDicom(dir, slices);
            try {
                return planner.plan(DicomLocalizer.read(dir));
            } catch (LocalizerRejectedException | LocalizerFolder.RefusedException e) {
                return null;
            } finally {
                ScratchFolder.delete(dir);
            }
        }

        /** Writes {@code g} as DICOM (untimed), then times reading the folder and planning; empty when refused. */
        Optional<Planned> measure(GeneratedLocalizer g) throws IOException {
            Path dir = work.resolve("localizer");
            g.writeDicom(dir, g.slices());
            try {
                long t0 = System.nanoTime();
                List<ImageSlice> slices = DicomLocalizer.read(dir);
                Plan plan = planner.plan(slices);
                double latency = (System.nanoTime() - t0) / 1e9;
                Landmarks truth = g.patient().landmarks();
                boolean inSlabs = SlabCoverage.imaged(truth.anteriorCommissure(), g.slices()) && SlabCoverage.imaged(truth.posteriorCommissure(), g.slices());
                Errors first = errors(plan, g.patient());
                Plan last = plan;
                FollowUp followUp = FollowUp.NOT_ACQUIRED;
                double followUpLatency = Double.NaN;
                if (followUps && plan.followUpLocalizer().isPresent()) {
                    Path followUpDir = work.resolve("follow-up");
                    g.writeFollowUpDicom(followUpDir, g.acquire(plan.followUpLocalizer().get())); // untimed, like the localizer's own files
                    try {
                        long t1 = System.nanoTime();
                        last = planner.planWithFollowUp(plan, slices, DicomLocalizer.read(followUpDir));
                        followUpLatency = (System.nanoTime() - t1) / 1e9;
                        followUp = FollowUp.PLANNED;
                    } catch (LocalizerRejectedException | LocalizerFolder.RefusedException e) {
                        followUp = FollowUp.REFUSED; // the first plan stands, for the operator only (confidence 0 below)
                    } finally {
                        ScratchFolder.delete(followUpDir);
                    }
                }
                double confidence = followUp == FollowUp.REFUSED ? 0 : last.confidence();
                return Optional.of(new Planned(errors(last, g.patient()), first, scannerAxes(g.patient()), confidence, latency, followUp, followUpLatency,
                        inSlabs, plan.commissuresImaged()));
            } catch (LocalizerRejectedException | LocalizerFolder.RefusedException e) {
                return Optional.empty();
            } finally {
                ScratchFolder.delete(dir);
            }
        }
    }

    private static JsonObject report(PrintStream out, long seed, long calibrationSeed, List<Planned> calibration, List<Planned> evaluation, int[] refused,
                                     Map<LocalizerDamage, int[]> artefacts) {
        JsonObject r = new JsonObject();
        r.addProperty("n", evaluation.size());
        r.addProperty("refused", refused[1]);
        r.addProperty("held_out_seed", seed);
        r.add("ac_mm", stats(evaluation, p -> p.errors().acMm()));
        r.add("pc_mm", stats(evaluation, p -> p.errors().pcMm()));
        r.add("msp_deg", stats(evaluation, p -> p.errors().mspDeg()));
        r.add("acpc_deg", stats(evaluation, p -> p.errors().acpcDeg()));
        JsonObject first = new JsonObject();
        first.addProperty("about", "the plans from the localizer alone, before the follow-up localizer");
        first.add("ac_mm", stats(evaluation, p -> p.firstPass().acMm()));
        first.add("pc_mm", stats(evaluation, p -> p.firstPass().pcMm()));
        first.add("msp_deg", stats(evaluation, p -> p.firstPass().mspDeg()));
        first.add("acpc_deg", stats(evaluation, p -> p.firstPass().acpcDeg()));
        JsonObject bySlabs = acpcSplit(evaluation, Planned::commissuresInSlabs, "both_in_a_slab", "not_both_in_a_slab");
        first.add("acpc_deg_by_commissures_in_slabs", bySlabs);
        JsonObject byFlag = acpcSplit(evaluation, Planned::planSaysImaged, "imaged", "not_imaged");
        first.add("acpc_deg_by_plan_commissures_imaged", byFlag);
        r.add("first_pass", first);
        JsonObject follow = new JsonObject();
        follow.addProperty("slices", FollowUpLocalizer.NAME + ": contiguous 5 mm slices perpendicular to the first plan's AC-PC line, from 5 mm"
                + " anterior of its AC to 5 mm posterior of its PC, 256 mm field of view on 128 pixels, acquired with the localizer's contrast, SNR and"
                + " receive field");
        follow.addProperty("asked", evaluation.stream().filter(p -> p.followUp() != FollowUp.NOT_ACQUIRED).count());
        follow.addProperty("refused", evaluation.stream().filter(p -> p.followUp() == FollowUp.REFUSED).count());
        List<Planned> replanned = evaluation.stream().filter(p -> p.followUp() == FollowUp.PLANNED).toList();
        follow.add("acpc_deg_first_plan", stats(replanned, p -> p.firstPass().acpcDeg()));
        follow.add("acpc_deg_second_plan", stats(replanned, p -> p.errors().acpcDeg()));
        double[] followLatency = replanned.stream().mapToDouble(Planned::followUpLatencyS).toArray();
        JsonObject followLat = new JsonObject();
        addOrNull(followLat, "median", Statistics.median(followLatency));
        addOrNull(followLat, "p95", Statistics.quantile(followLatency, 0.95));
        follow.add("latency_s", followLat);
        r.add("follow_up", follow);
        r.addProperty("coverage", evaluation.stream().mapToDouble(p -> p.errors().coverage()).average().orElse(Double.NaN));

        // the verdict is the product's: refused (by the DICOM reader, LocalizerChecks or the quality net) or planned
        int cleanTotal = evaluation.size() + refused[1], artefactTotal = 0, artefactRefused = 0;
        JsonObject byCase = new JsonObject();
        for (Map.Entry<LocalizerDamage, int[]> e : artefacts.entrySet()) {
            artefactRefused += e.getValue()[0];
            artefactTotal += e.getValue()[1];
            byCase.addProperty(e.getKey().name().toLowerCase(), (double) e.getValue()[0] / e.getValue()[1]);
        }
        r.addProperty("quality_accuracy", (double) (evaluation.size() + artefactRefused) / (cleanTotal + artefactTotal));
        JsonObject quality = new JsonObject();
        quality.addProperty("assessed_by", "the product's verdict: DICOM reader, localizer checks and the quality net (planning-quality)");
        quality.addProperty("clean", cleanTotal);
        quality.addProperty("clean_accepted", evaluation.size());
        quality.addProperty("artefacted", artefactTotal);
        quality.addProperty("artefacted_refused", artefactRefused);
        quality.add("refused_fraction_by_artefact", byCase);
        r.add("quality", quality);

        JsonObject lat = new JsonObject();
        double[] latency = evaluation.stream().mapToDouble(Planned::latencyS).toArray();
        lat.addProperty("median", Statistics.median(latency));
        lat.addProperty("p95", Statistics.quantile(latency, 0.95));
        r.add("latency_s", lat);

        OptionalDouble threshold = calibrate(calibration);
        List<Planned> auto = threshold.isPresent() ? evaluation.stream().filter(p -> p.confidence() >= threshold.getAsDouble()).toList() : List.of();
        r.addProperty("auto_fraction", evaluation.isEmpty() ? 0 : (double) auto.size() / evaluation.size());
        addOrNull(r, "auto_threshold", threshold.isPresent() ? threshold.getAsDouble() : Double.NaN);
        addOrNull(r, "auto_p95_msp_deg", Statistics.quantile(auto.stream().mapToDouble(p -> p.errors().mspDeg()).toArray(), 0.95));
        addOrNull(r, "auto_p95_acpc_deg", Statistics.quantile(auto.stream().mapToDouble(p -> p.errors().acpcDeg()).toArray(), 0.95));
        JsonObject cal = new JsonObject();
        cal.addProperty("seed", calibrationSeed);
        cal.addProperty("n", calibration.size());
        cal.addProperty("refused", refused[0]);
        cal.addProperty("rule", "lowest confidence threshold whose calibration plans make a share of >= 5 % with an MSP or AC-PC angle error above "
                + MAX_AUTO_P95_DEG + " deg unlikely (binomial probability of so few such plans <= " + CALIBRATION_RISK + ")");
        cal.addProperty("max_confidence", calibration.stream().mapToDouble(Planned::confidence).max().orElse(Double.NaN));
        r.add("calibration", cal);

        JsonObject peer = new JsonObject();
        peer.add("msp_deg", stats(evaluation, p -> p.peer().mspDeg()));
        peer.add("acpc_deg", stats(evaluation, p -> p.peer().acpcDeg()));
        r.add("peer_scanner_axes", peer);

        Table t = new Table("figure", "mrpilot mean", "mrpilot p95", "scanner axes mean", "ratio (mean)");
        t.row("AC error (mm)", fmt(r, "ac_mm", "mean"), fmt(r, "ac_mm", "p95"), "-", "-");
        t.row("PC error (mm)", fmt(r, "pc_mm", "mean"), fmt(r, "pc_mm", "p95"), "-", "-");
        for (String k : List.of("msp_deg", "acpc_deg")) {
            double ours = r.getAsJsonObject(k).get("mean").getAsDouble(), theirs = peer.getAsJsonObject(k).get("mean").getAsDouble();
            t.row(k.equals("msp_deg") ? "mid-sagittal angle (deg)" : "AC-PC angle (deg)", fmt(r, k, "mean"), fmt(r, k, "p95"),
                    String.format("%.2f", theirs), String.format("%.2f", ours / theirs));
        }
        t.row("axial coverage", String.format("%.4f", r.get("coverage").getAsDouble()), "-", "-", "-");
        t.row("quality accuracy (checks + quality net)", String.format("%.4f", r.get("quality_accuracy").getAsDouble()), "-", "-", "-");
        t.row("latency DICOM->plan (s) median / p95", String.format("%.3f", lat.get("median").getAsDouble()), String.format("%.3f", lat.get("p95").getAsDouble()),
                "-", "-");
        t.row("auto fraction", String.format("%.3f", r.get("auto_fraction").getAsDouble()), "-", "-", "-");
        t.print(out);
        out.printf("n = %d held-out localizers (seed %d, procedural and ICBM152 alternating), %d refused; calibration on %d (seed %d)%n",
                evaluation.size(), seed, refused[1], calibration.size(), calibrationSeed);
        out.println(threshold.isPresent()
                ? String.format("auto-execute threshold %.3f: %d of %d evaluation plans; their p95 angle errors MSP %.2f, AC-PC %.2f deg", threshold.getAsDouble(),
                        auto.size(), evaluation.size(), r.get("auto_p95_msp_deg").getAsDouble(), r.get("auto_p95_acpc_deg").getAsDouble())
                : String.format("no auto-execute threshold qualifies: at no confidence level are the calibration plans' angle errors above %.0f deg rare enough"
                        + " to trust a p95 within it; every plan waits for the operator (auto fraction 0)", MAX_AUTO_P95_DEG));
        out.printf("first plans (localizer alone): AC %s / %s mm, PC %s / %s mm, mid-sagittal %s / %s deg, AC-PC %s / %s deg (mean / p95)%n",
                fmt(first, "ac_mm", "mean"), fmt(first, "ac_mm", "p95"), fmt(first, "pc_mm", "mean"), fmt(first, "pc_mm", "p95"),
                fmt(first, "msp_deg", "mean"), fmt(first, "msp_deg", "p95"), fmt(first, "acpc_deg", "mean"), fmt(first, "acpc_deg", "p95"));
        printSplit(out, "where both true commissures lie inside a localizer slab", bySlabs, "both_in_a_slab", "not_both_in_a_slab");
        printSplit(out, "where the plan says both estimated commissures are imaged", byFlag, "imaged", "not_imaged");
        out.printf("follow-up localizer asked for by %d first plans (%d refused when planned again); their AC-PC angle (deg) mean / p95 %s / %s before,"
                        + " %s / %s after; second plan latency median %s s%n", follow.get("asked").getAsLong(), follow.get("refused").getAsLong(),
                fmt(follow, "acpc_deg_first_plan", "mean"), fmt(follow, "acpc_deg_first_plan", "p95"), fmt(follow, "acpc_deg_second_plan", "mean"),
                fmt(follow, "acpc_deg_second_plan", "p95"), fmt(follow, "latency_s", "median"));
        out.printf("quality verdict (localizer checks + quality net): %d/%d clean accepted, %d/%d artefacted refused; refused by artefact: %s%n",
                evaluation.size(), cleanTotal, artefactRefused, artefactTotal, byCase);
        return r;
    }

    /**
     * The lowest confidence threshold whose plans (at or above it) show so few angle errors (MSP or AC-PC) above
     * {@link #MAX_AUTO_P95_DEG} that, were 5 % of such plans above it, seeing that few would have probability at most
     * {@link #CALIBRATION_RISK}; empty when no threshold qualifies (at least 32 plans are needed even with no large error).
     */
    static OptionalDouble calibrate(List<Planned> plans) {
        List<Planned> byConfidence = plans.stream().sorted(Comparator.comparingDouble(Planned::confidence)).toList();
        for (int first = 0; first < byConfidence.size(); first++) {
            if (first > 0 && byConfidence.get(first).confidence() == byConfidence.get(first - 1).confidence()) continue;
            List<Planned> auto = byConfidence.subList(first, byConfidence.size());
            int large = (int) auto.stream().filter(p -> p.errors().mspDeg() > MAX_AUTO_P95_DEG || p.errors().acpcDeg() > MAX_AUTO_P95_DEG).count();
            if (binomialCdf(large, auto.size(), 0.05) <= CALIBRATION_RISK) return OptionalDouble.of(byConfidence.get(first).confidence());
        }
        return OptionalDouble.empty();
    }

    /** P(X <= x) for X ~ Binomial(n, p), 0 < p < 1. */
    static double binomialCdf(int x, int n, double p) {
        double term = Math.pow(1 - p, n), sum = 0;
        for (int k = 0; k <= Math.min(x, n); k++) {
            sum += term;
            term *= (double) (n - k) / (k + 1) * p / (1 - p);
        }
        return Math.min(1, sum);
    }

    static Errors errors(Plan plan, VirtualPatient patient) {
        Landmarks truth = patient.landmarks();
        double ac = plan.landmarks().ac().minus(truth.anteriorCommissure()).norm();
        double pc = plan.landmarks().pc().minus(truth.posteriorCommissure()).norm();
        return new Errors(ac, pc, plan.midSagittal().normal().axisAngleDeg(truth.midSagittalNormal()),
                plan.frame().posterior().angleDeg(truth.posteriorCommissure().minus(truth.anteriorCommissure())),
                Coverage.fractionInside(plan.stacks().get(0), coveredBrain(patient)));
    }

    /** The plan without anatomy: slices along the scanner axes, so its angle errors are the head's tilt. */
    private static Errors scannerAxes(VirtualPatient patient) {
        Landmarks truth = patient.landmarks();
        return new Errors(Double.NaN, Double.NaN, Vec3.L.axisAngleDeg(truth.midSagittalNormal()),
                Vec3.P.angleDeg(truth.posteriorCommissure().minus(truth.anteriorCommissure())), Double.NaN);
    }

    /** Brain voxels of a 4 mm grid down to {@link #COVERAGE_DEPTH_MM} below the true AC-PC plane. */
    static List<Vec3> coveredBrain(VirtualPatient patient) {
        Landmarks l = patient.landmarks();
        AcPcFrame truth = AcPcFrame.of(l.anteriorCommissure(), l.posteriorCommissure(), new Plane(l.midSagittalPoint(), l.midSagittalNormal()));
        CanonicalGrid grid = CanonicalGrid.DEFAULT;
        double h = grid.spacingMm(), half = (grid.size() - 1) / 2.0 * h;
        Vec3 origin = truth.originMm().minus(new Vec3(half, half, half)).plus(truth.superior().times(20));
        Volume box = new Volume(grid.size(), grid.size(), grid.size(), new float[grid.voxels()], origin, Vec3.L, Vec3.P, Vec3.S, new double[] {h, h, h}, "");
        byte[] mask = PlanningDataset.brainMask(patient, box);
        List<Vec3> points = new ArrayList<>();
        for (int z = 0; z < box.nz(); z++) {
            for (int y = 0; y < box.ny(); y++) {
                for (int x = 0; x < box.nx(); x++) {
                    Vec3 p = box.voxelToPatient(x, y, z);
                    if (mask[box.index(x, y, z)] == 1 && truth.toFrame(p).z() >= -COVERAGE_DEPTH_MM) points.add(p);
                }
            }
        }
        return points;
    }

    private static JsonObject stats(List<Planned> plans, ToDoubleFunction<Planned> value) {
        double[] values = plans.stream().mapToDouble(value).toArray();
        JsonObject o = new JsonObject();
        addOrNull(o, "mean", Arrays.stream(values).average().orElse(Double.NaN));
        addOrNull(o, "p95", Statistics.quantile(values, 0.95));
        return o;
    }

    /** NaN (no value: e.g. no plan auto-executed) as JSON null, so the file stays JSON. */
    private static void addOrNull(JsonObject o, String key, double value) {
        if (Double.isNaN(value)) o.add(key, JsonNull.INSTANCE);
        else o.addProperty(key, value);
    }

    /** AC-PC angle error (mean, p95, n) of the plans where {@code test} holds ({@code yes}) and where not ({@code no}). */
    private static JsonObject acpcSplit(List<Planned> evaluation, Predicate<Planned> test, String yes, String no) {
        JsonObject split = new JsonObject();
        for (boolean in : new boolean[] {true, false}) {
            List<Planned> group = evaluation.stream().filter(p -> test.test(p) == in).toList();
            JsonObject o = stats(group, p -> p.firstPass().acpcDeg());
            o.addProperty("n", group.size());
            split.add(in ? yes : no, o);
        }
        return split;
    }

    private static void printSplit(PrintStream out, String what, JsonObject split, String yes, String no) {
        out.printf("AC-PC angle (deg) mean / p95 %s: %s / %s (n %d); where not: %s / %s (n %d)%n", what,
                fmt(split, yes, "mean"), fmt(split, yes, "p95"), split.getAsJsonObject(yes).get("n").getAsInt(),
                fmt(split, no, "mean"), fmt(split, no, "p95"), split.getAsJsonObject(no).get("n").getAsInt());
    }

    private static String fmt(JsonObject r, String key, String field) {
        var v = r.getAsJsonObject(key).get(field);
        return v.isJsonNull() ? "-" : String.format("%.2f", v.getAsDouble());
    }
}
