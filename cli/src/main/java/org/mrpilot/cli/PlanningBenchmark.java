package org.mrpilot.cli;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.planning.AcPcFrame;
import org.mrpilot.planning.CanonicalGrid;
import org.mrpilot.planning.Coverage;
import org.mrpilot.planning.LocalizerRejectedException;
import org.mrpilot.planning.Plan;
import org.mrpilot.planning.Plane;
import org.mrpilot.planning.SlicePlanner;

/**
 * `./mrpilot bench planning`: plans held-out localizers (planning collection seed never used in training, both anatomy
 * sources, random pose and localizer variation) and compares with the ground truth; the peer is the plan a scanner
 * makes without anatomy, stacks along the scanner axes, whose angle error is the head's own tilt.
 */
final class PlanningBenchmark implements Benchmark {
    /** Training used collections 101-103; this one is held out. */
    static final long HELD_OUT_SEED = 9001;
    /** Plans at or above this confidence would run without the operator (not yet calibrated). */
    static final double AUTO_THRESHOLD = 0.5;
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

    @Override
    public String name() {
        return "planning";
    }

    @Override
    public String summary() {
        return "slice planning on held-out localizers: landmark, plane and AC-PC errors, coverage, latency vs scanner axes";
    }

    @Override
    public String usage() {
        return "[--count N (40)] [--seed S (9001, held out)] [--icbm-dir DIR] [--models DIR] [--threads T (2)]";
    }

    @Override
    public JsonObject run(Args args, PrintStream out) throws Exception {
        int count = args.intValue("count", 40);
        long seed = args.longValue("seed", HELD_OUT_SEED);
        int threads = args.intValue("threads", 2);
        if (count < 1 || count > 5000) throw new UsageException("--count must be 1-5000");
        AnatomyFactory anatomies = new AnatomyFactory(AnatomySource.BOTH, args.path("icbm-dir", null));
        java.nio.file.Path models = args.path("models", PlanningModels.DEFAULT_DIRECTORY);
        args.done();
        List<Errors> errors = new ArrayList<>(), baseline = new ArrayList<>();
        List<Double> latency = new ArrayList<>(), confidence = new ArrayList<>();
        int refused = 0;
        try (OnnxInference host = PlanningModels.open(models, threads); Progress progress = new Progress("planning", count)) {
            SlicePlanner planner = PlanningModels.planner(host);
            for (int i = 0; i < count; i++) {
                VirtualPatient patient = PlanningDataset.patient(anatomies, seed, i, 2, 3);
                List<ImageSlice> localizer = PlanningDataset.localizer(patient, PlanningDataset.settings(patient));
                Plan plan;
                long t0;
                try {
                    if (i == 0) planner.plan(localizer); // warm-up: the first inference allocates the session's buffers
                    t0 = System.nanoTime();
                    plan = planner.plan(localizer);
                } catch (LocalizerRejectedException e) {
                    refused++;
                    progress.step();
                    continue;
                }
                latency.add((System.nanoTime() - t0) / 1e9);
                errors.add(errors(plan, patient));
                baseline.add(scannerAxes(patient));
                confidence.add(plan.confidence());
                progress.step();
            }
        }
        JsonObject r = new JsonObject();
        r.addProperty("n", errors.size());
        r.addProperty("refused", refused);
        r.addProperty("held_out_seed", seed);
        r.add("ac_mm", stats(errors.stream().mapToDouble(Errors::acMm).toArray()));
        r.add("pc_mm", stats(errors.stream().mapToDouble(Errors::pcMm).toArray()));
        r.add("msp_deg", stats(errors.stream().mapToDouble(Errors::mspDeg).toArray()));
        r.add("acpc_deg", stats(errors.stream().mapToDouble(Errors::acpcDeg).toArray()));
        r.addProperty("coverage", errors.stream().mapToDouble(Errors::coverage).average().orElse(Double.NaN));
        r.add("quality_accuracy", JsonNull.INSTANCE); // no quality net yet
        JsonObject lat = new JsonObject();
        double[] l = latency.stream().mapToDouble(Double::doubleValue).toArray();
        lat.addProperty("median", percentile(l, 50));
        lat.addProperty("p95", percentile(l, 95));
        r.add("latency_s", lat);
        int auto = 0;
        List<Double> autoAngles = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            if (confidence.get(i) >= AUTO_THRESHOLD) {
                auto++;
                autoAngles.add(Math.max(errors.get(i).mspDeg(), errors.get(i).acpcDeg()));
            }
        }
        r.addProperty("auto_fraction", errors.isEmpty() ? Double.NaN : (double) auto / errors.size());
        r.addProperty("auto_threshold", AUTO_THRESHOLD);
        // no plan above the threshold: no angle to report (null, not NaN, so the file stays JSON)
        double autoP95 = percentile(autoAngles.stream().mapToDouble(Double::doubleValue).toArray(), 95);
        if (Double.isNaN(autoP95)) r.add("auto_p95_angle_deg", JsonNull.INSTANCE);
        else r.addProperty("auto_p95_angle_deg", autoP95);
        JsonObject peer = new JsonObject();
        peer.add("msp_deg", stats(baseline.stream().mapToDouble(Errors::mspDeg).toArray()));
        peer.add("acpc_deg", stats(baseline.stream().mapToDouble(Errors::acpcDeg).toArray()));
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
        t.row("latency (s) median / p95", String.format("%.3f", lat.get("median").getAsDouble()), String.format("%.3f", lat.get("p95").getAsDouble()), "-", "-");
        t.row("auto fraction (conf >= " + AUTO_THRESHOLD + ")", String.format("%.3f", r.get("auto_fraction").getAsDouble()), "-", "-", "-");
        t.print(out);
        out.printf("n = %d held-out localizers (seed %d, procedural and ICBM152 alternating), %d refused; quality net: not built%n", errors.size(), seed, refused);
        return r;
    }

    static Errors errors(Plan plan, VirtualPatient patient) {
        Landmarks truth = patient.landmarks();
        double ac = plan.landmarks().ac().minus(truth.anteriorCommissure()).norm();
        double pc = plan.landmarks().pc().minus(truth.posteriorCommissure()).norm();
        return new Errors(ac, pc, axisAngle(plan.midSagittal().normal(), truth.midSagittalNormal()),
                plan.frame().posterior().angleDeg(truth.posteriorCommissure().minus(truth.anteriorCommissure())),
                Coverage.fractionInside(plan.stacks().get(0), coveredBrain(patient)));
    }

    /** The plan without anatomy: slices along the scanner axes, so its angle errors are the head's tilt. */
    private static Errors scannerAxes(VirtualPatient patient) {
        Landmarks truth = patient.landmarks();
        return new Errors(Double.NaN, Double.NaN, axisAngle(Vec3.L, truth.midSagittalNormal()),
                Vec3.P.angleDeg(truth.posteriorCommissure().minus(truth.anteriorCommissure())), Double.NaN);
    }

    private static double axisAngle(Vec3 a, Vec3 b) {
        double angle = a.angleDeg(b);
        return Math.min(angle, 180 - angle);
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

    private static JsonObject stats(double[] values) {
        JsonObject o = new JsonObject();
        o.addProperty("mean", Arrays.stream(values).average().orElse(Double.NaN));
        o.addProperty("p95", percentile(values, 95));
        return o;
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) return Double.NaN;
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    private static String fmt(JsonObject r, String key, String field) {
        return String.format("%.2f", r.getAsJsonObject(key).get(field).getAsDouble());
    }
}
