package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.Vec3;

/**
 * Landmarks the net found, in {@link LandmarkSet} order.
 *
 * @param pointsMm positions in LPS mm
 * @param spreadMm standard deviation of each landmark's heatmap (mm): small = sharp, confident
 */
public record DetectedLandmarks(List<Vec3> pointsMm, double[] spreadMm) {
    public DetectedLandmarks {
        pointsMm = List.copyOf(pointsMm);
        spreadMm = spreadMm.clone();
        if (pointsMm.size() != LandmarkSet.NAMES.size() || spreadMm.length != pointsMm.size()) {
            throw new IllegalArgumentException("expected " + LandmarkSet.NAMES.size() + " landmarks with a spread each");
        }
    }

    @Override
    public double[] spreadMm() {
        return spreadMm.clone();
    }

    /** The same landmarks moved onto {@code plane} (spreads unchanged). */
    public DetectedLandmarks projectedOnto(Plane plane) {
        return new DetectedLandmarks(pointsMm.stream().map(plane::project).toList(), spreadMm);
    }

    /** The same landmarks with AC and PC (and their spreads) replaced, e.g. by {@link CommissureRefiner}'s. */
    public DetectedLandmarks withCommissures(CommissureRefiner.Commissures c) {
        List<Vec3> points = new ArrayList<>(pointsMm);
        double[] spread = spreadMm.clone();
        points.set(LandmarkSet.AC, c.ac());
        points.set(LandmarkSet.PC, c.pc());
        spread[LandmarkSet.AC] = c.acSpreadMm();
        spread[LandmarkSet.PC] = c.pcSpreadMm();
        return new DetectedLandmarks(points, spread);
    }

    public Vec3 ac() {
        return pointsMm.get(LandmarkSet.AC);
    }

    public Vec3 pc() {
        return pointsMm.get(LandmarkSet.PC);
    }
}
