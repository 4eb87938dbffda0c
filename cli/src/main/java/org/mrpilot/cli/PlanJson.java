package org.mrpilot.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.planning.SlicePlan;
import org.mrpilot.planning.LandmarkSet;
import org.mrpilot.planning.Plan;

/** A plan as JSON: stacks as geometry-table rows, landmarks and the mid-sagittal plane in LPS mm, confidence, verdict, decision. */
final class PlanJson {
    private PlanJson() {
    }

    /** @param decided the same plan as the planning service hands it on (verdict, auto-execute under {@code minConfidence}) */
    static JsonObject of(Plan plan, SlicePlan decided, double minConfidence) {
        JsonObject o = new JsonObject();
        JsonArray stacks = new JsonArray();
        for (SliceGroup g : plan.stacks()) stacks.add(group(g));
        o.add("stacks", stacks);
        JsonObject landmarks = new JsonObject();
        double[] spread = plan.landmarks().spreadMm();
        for (int j = 0; j < LandmarkSet.NAMES.size(); j++) {
            JsonObject l = new JsonObject();
            l.add("position_mm", vector(plan.landmarks().pointsMm().get(j)));
            l.addProperty("spread_mm", spread[j]);
            landmarks.add(LandmarkSet.NAMES.get(j), l);
        }
        o.add("landmarks", landmarks);
        JsonObject msp = new JsonObject();
        msp.add("point_mm", vector(plan.midSagittal().pointMm()));
        msp.add("normal", vector(plan.midSagittal().normal()));
        var symmetry = plan.symmetry();
        msp.addProperty("source", symmetry.used() ? "mirror symmetry" : "landmark net");
        msp.addProperty("reason", symmetry.reason());
        msp.addProperty("mirror_correlation", symmetry.correlation());
        msp.addProperty("paired_fraction", symmetry.pairedFraction());
        msp.addProperty("net_plane_angle_deg", symmetry.netAngleDeg());
        msp.addProperty("symmetry_confidence", symmetry.confidence());
        o.add("mid_sagittal_plane", msp);
        o.addProperty("confidence", plan.confidence());
        o.addProperty("commissures_imaged", plan.commissuresImaged());
        o.add("follow_up_localizer", plan.followUpLocalizer().map(PlanJson::group).orElse(null));
        JsonObject quality = new JsonObject();
        quality.addProperty("usable", decided.quality().usable());
        quality.addProperty("probability", decided.quality().probability());
        quality.addProperty("reason", decided.quality().reason());
        quality.addProperty("assessed_by", decided.quality().assessedBy());
        o.add("quality", quality);
        o.addProperty("auto_execute", decided.autoExecute());
        o.addProperty("auto_execute_min_confidence", minConfidence);
        return o;
    }

    /** A slice group as a geometry-table row. */
    private static JsonObject group(SliceGroup g) {
        JsonObject s = new JsonObject();
        s.addProperty("name", g.name());
        s.add("centre_mm", vector(g.centreMm()));
        s.add("read_direction", vector(g.readDirection()));
        s.add("phase_direction", vector(g.phaseDirection()));
        s.add("normal", vector(g.normal()));
        s.addProperty("fov_read_mm", g.fovReadMm());
        s.addProperty("fov_phase_mm", g.fovPhaseMm());
        s.addProperty("matrix_read", g.matrixRead());
        s.addProperty("matrix_phase", g.matrixPhase());
        s.addProperty("thickness_mm", g.thicknessMm());
        s.addProperty("gap_mm", g.gapMm());
        s.addProperty("slices", g.sliceCount());
        s.addProperty("frame_of_reference_uid", g.frameOfReferenceUid());
        return s;
    }

    private static JsonArray vector(Vec3 v) {
        JsonArray a = new JsonArray();
        for (double x : v.toArray()) a.add(x);
        return a;
    }
}
