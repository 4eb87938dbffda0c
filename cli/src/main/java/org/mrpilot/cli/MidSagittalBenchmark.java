package org.mrpilot.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.planning.LocalizerRejectedException;
import org.mrpilot.planning.Plan;
import org.mrpilot.planning.Plane;
import org.mrpilot.planning.SymmetryFit;

/**
 * `./mrpilot bench msp`: the mid-sagittal plane of held-out localizers from the localizer's mirror symmetry next to
 * the peer, the plane fitted to the landmark net's points (the symmetry search's start), both from the same plan.
 */
final class MidSagittalBenchmark implements Benchmark {
    /** Plans whose symmetry confidence reaches this are counted apart (a candidate auto-execute threshold). */
    static final double CONFIDENT = 0.5;

    private record Row(String anatomy, double netDeg, double planDeg, double netOffsetMm, double planOffsetMm, boolean used, double correlation, double confidence,
                       double latencyS) {
    }

    @Override
    public String name() {
        return "msp";
    }

    @Override
    public String summary() {
        return "mid-sagittal plane on held-out localizers: mirror-symmetry plane vs the landmark net's plane";
    }

    @Override
    public String usage() {
        return "[--count N (40)] [--seed S (9001, held out)] [--icbm-dir DIR] [--models DIR] [--threads T (2)]";
    }

    @Override
    public JsonObject run(Args args, PrintStream out) throws Exception {
        int count = args.intValue("count", 40);
        long seed = args.longValue("seed", PlanningBenchmark.HELD_OUT_SEED);
        int threads = args.intValue("threads", 2);
        if (count < 1 || count > 5000) throw new UsageException("--count must be 1-5000");
        AnatomyFactory anatomies = new AnatomyFactory(AnatomySource.BOTH, args.path("icbm-dir", null));
        Path models = args.path("models", PlanningModels.DEFAULT_DIRECTORY);
        args.done();
        List<Row> rows = new ArrayList<>();
        int refused = 0;
        try (OnnxInference host = PlanningModels.open(models, threads); Progress progress = new Progress("msp", count)) {
            var planner = PlanningModels.planner(host);
            for (int i = 0; i < count; i++) {
                GeneratedLocalizer g = GeneratedLocalizer.of(anatomies, seed, i, 2);  // the planning benchmark's collection
                VirtualPatient patient = g.patient();
                List<ImageSlice> localizer = g.slices();
                try {
                    if (i == 0) planner.plan(localizer); // warm-up
                    long t0 = System.nanoTime();
                    Plan plan = planner.plan(localizer);
                    rows.add(row(plan, patient, (System.nanoTime() - t0) / 1e9));
                } catch (LocalizerRejectedException e) {
                    refused++;
                }
                progress.step();
            }
        }
        JsonObject r = new JsonObject();
        r.addProperty("n", rows.size());
        r.addProperty("refused", refused);
        r.addProperty("held_out_seed", seed);
        r.add("msp_deg", stats(rows.stream().mapToDouble(Row::planDeg).toArray()));
        r.add("msp_offset_mm", stats(rows.stream().mapToDouble(Row::planOffsetMm).toArray()));
        r.addProperty("symmetry_used_fraction", rows.stream().filter(Row::used).count() / (double) Math.max(1, rows.size()));
        r.add("correlation", stats(rows.stream().mapToDouble(Row::correlation).toArray()));
        List<Row> confident = rows.stream().filter(x -> x.confidence() >= CONFIDENT).toList();
        r.addProperty("confident_fraction", confident.size() / (double) Math.max(1, rows.size()));
        r.add("confident_msp_deg", stats(confident.stream().mapToDouble(Row::planDeg).toArray()));
        r.add("plan_latency_s", stats(rows.stream().mapToDouble(Row::latencyS).toArray()));
        JsonObject peer = new JsonObject();
        peer.add("msp_deg", stats(rows.stream().mapToDouble(Row::netDeg).toArray()));
        peer.add("msp_offset_mm", stats(rows.stream().mapToDouble(Row::netOffsetMm).toArray()));
        r.add("peer_net_plane", peer);
        JsonArray each = new JsonArray();
        for (Row x : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("anatomy", x.anatomy());
            o.addProperty("msp_deg", x.planDeg());
            o.addProperty("net_msp_deg", x.netDeg());
            o.addProperty("used", x.used());
            o.addProperty("correlation", x.correlation());
            o.addProperty("confidence", x.confidence());
            each.add(o);
        }
        r.add("per_localizer", each);

        Table t = new Table("figure", "symmetry mean", "symmetry p95", "net plane mean", "net plane p95", "ratio (mean)");
        t.row("mid-sagittal normal (deg)", mean(r, "msp_deg"), p95(r, "msp_deg"), mean(peer, "msp_deg"), p95(peer, "msp_deg"),
                mean(r, "msp_deg") / mean(peer, "msp_deg"));
        t.row("AC distance to plane (mm)", mean(r, "msp_offset_mm"), p95(r, "msp_offset_mm"), mean(peer, "msp_offset_mm"), p95(peer, "msp_offset_mm"),
                mean(r, "msp_offset_mm") / mean(peer, "msp_offset_mm"));
        t.print(out);
        out.printf("symmetry plane used in %.0f %% (else the net's plane); mirror correlation mean %.3f; confidence >= %.1f in %.0f %% with normal error "
                        + "mean %.2f, p95 %.2f deg; plan latency median %.3f s%n", 100 * r.get("symmetry_used_fraction").getAsDouble(), mean(r, "correlation"),
                CONFIDENT, 100 * r.get("confident_fraction").getAsDouble(), mean(r, "confident_msp_deg"), p95(r, "confident_msp_deg"),
                r.getAsJsonObject("plan_latency_s").get("median").getAsDouble());
        out.printf("n = %d held-out localizers (seed %d, procedural and ICBM152 alternating), %d refused%n", rows.size(), seed, refused);
        return r;
    }

    private static Row row(Plan plan, VirtualPatient patient, double latencyS) {
        Landmarks truth = patient.landmarks();
        SymmetryFit s = plan.symmetry();
        Plane net = s.netPlane(), chosen = plan.midSagittal();
        Vec3 ac = truth.anteriorCommissure();
        return new Row(patient.anatomy().source(), net.normal().axisAngleDeg(truth.midSagittalNormal()), chosen.normal().axisAngleDeg(truth.midSagittalNormal()),
                Math.abs(net.signedDistanceMm(ac)), Math.abs(chosen.signedDistanceMm(ac)), s.used(), s.correlation(), s.confidence(), latencyS);
    }

    private static JsonObject stats(double[] values) {
        JsonObject o = new JsonObject();
        o.addProperty("mean", Arrays.stream(values).average().orElse(Double.NaN));
        o.addProperty("median", Statistics.median(values));
        o.addProperty("p95", Statistics.quantile(values, 0.95));
        o.addProperty("max", Arrays.stream(values).max().orElse(Double.NaN));
        return o;
    }

    private static double mean(JsonObject r, String key) {
        return r.getAsJsonObject(key).get("mean").getAsDouble();
    }

    private static double p95(JsonObject r, String key) {
        return r.getAsJsonObject(key).get("p95").getAsDouble();
    }
}
