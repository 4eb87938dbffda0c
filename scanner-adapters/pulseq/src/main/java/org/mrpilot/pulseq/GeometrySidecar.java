package org.mrpilot.pulseq;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.GeometryTable;

/** The geometry table as JSON next to the .seq file (LPS mm, unit vectors, seconds), for consoles and review tools. */
public final class GeometrySidecar {
    private GeometrySidecar() {
    }

    public static String toJson(GeometryTable table, String signature) {
        JsonObject root = new JsonObject();
        root.addProperty("protocol", table.protocolName());
        root.addProperty("seqSignatureMd5", signature);
        JsonObject p = new JsonObject();
        p.addProperty("repetitionTimeS", table.parameters().repetitionTimeS());
        p.add("echoTimesS", array(table.parameters().echoTimesS()));
        p.add("inversionTimesS", array(table.parameters().inversionTimesS()));
        p.addProperty("flipAngleDeg", table.parameters().flipAngleDeg());
        p.addProperty("fieldStrengthT", table.parameters().fieldStrengthT());
        root.add("parameters", p);
        JsonArray groups = new JsonArray();
        for (SliceGroup g : table.sliceGroups()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", g.name());
            o.add("centreMm", vec(g.centreMm()));
            o.add("readDirection", vec(g.readDirection()));
            o.add("phaseDirection", vec(g.phaseDirection()));
            o.add("normal", vec(g.normal()));
            o.addProperty("fovReadMm", g.fovReadMm());
            o.addProperty("fovPhaseMm", g.fovPhaseMm());
            o.addProperty("matrixRead", g.matrixRead());
            o.addProperty("matrixPhase", g.matrixPhase());
            o.addProperty("thicknessMm", g.thicknessMm());
            o.addProperty("gapMm", g.gapMm());
            o.addProperty("sliceCount", g.sliceCount());
            o.addProperty("frameOfReferenceUid", g.frameOfReferenceUid());
            o.addProperty("patientPosition", g.patientPosition());
            groups.add(o);
        }
        root.add("sliceGroups", groups);
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    private static JsonArray vec(Vec3 v) {
        JsonArray a = new JsonArray();
        for (double x : v.toArray()) a.add(x);
        return a;
    }

    private static JsonArray array(java.util.List<Double> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
