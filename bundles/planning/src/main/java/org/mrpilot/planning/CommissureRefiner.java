package org.mrpilot.planning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.inference.InferenceService;

/**
 * A second, closer look at AC and PC (models-onnx planning-commissures): the localizer is resampled again on a fine grid
 * ({@link #GRID}, 2 mm) centred between the first AC and PC estimates and aligned with the mid-sagittal plane
 * ({@link #frame}), so the net sees the commissure region at a fixed orientation whatever the head's roll and yaw.
 */
public final class CommissureRefiner {
    public static final String MODEL = "planning-commissures";
    /** 32^3 voxels of 2 mm: 64 mm holds AC and PC (~27 mm apart) with the first estimate's error (p95 ~8 mm) to spare. */
    public static final CanonicalGrid GRID = new CanonicalGrid(32, 2);

    private final InferenceService inference;

    public CommissureRefiner(InferenceService inference) {
        this.inference = inference;
    }

    /** Whether the commissure net is loaded, so a closer look (and a follow-up localizer) can be read. */
    public boolean available() {
        return inference.model(MODEL).isPresent();
    }

    /** AC and PC (LPS mm) and their heatmap spreads (mm), in that order. */
    public record Commissures(Vec3 ac, Vec3 pc, double acSpreadMm, double pcSpreadMm) {
    }

    /**
     * The close-up's axes: x the plane normal turned to the left, y posterior within the plane, z = x cross y (superior).
     * Posterior is taken as superior x normal, which is well defined for any mid-sagittal plane a head can have.
     */
    public static Vec3[] frame(Plane midSagittal) {
        Vec3 x = midSagittal.normal().dot(Vec3.L) < 0 ? midSagittal.normal().times(-1) : midSagittal.normal();
        Vec3 y = Vec3.S.cross(x).normalized();
        return new Vec3[] {x, y, x.cross(y)};
    }

    /** The fine close-up the net sees, centred on {@code centreMm}. */
    public static CanonicalVolume closeUp(List<ImageSlice> localizer, Vec3 centreMm, Plane midSagittal) {
        Vec3[] axes = frame(midSagittal);
        return new LocalizerResampler(GRID).resample(localizer, centreMm, axes[0], axes[1], axes[2]);
    }

    /**
     * @param acMm, pcMm first estimates on the plane; the result is projected onto the plane too
     * @return empty when the commissure net is not loaded or no localizer slice shows the commissure region (the first
     *         look then stands)
     */
    public Optional<Commissures> refine(List<ImageSlice> localizer, Vec3 acMm, Vec3 pcMm, Plane midSagittal) {
        if (!available()) return Optional.empty();
        CanonicalVolume close;
        try {
            close = closeUp(localizer, acMm.plus(pcMm).times(0.5), midSagittal);
        } catch (LocalizerRejectedException e) {
            return Optional.empty();
        }
        var result = inference.run(MODEL, Map.of("volume", close.netInput()));
        float[] positions = result.output("positions").data();
        float[] spread = result.output("spread").data();
        if (positions.length != 6 || spread.length != 2) throw new IllegalStateException(MODEL + " returned " + positions.length / 3 + " points, expected AC and PC");
        Volume v = close.image();
        double voxelMm = GRID.spacingMm();
        Vec3 ac = midSagittal.project(v.voxelToPatient(positions[0], positions[1], positions[2]));
        Vec3 pc = midSagittal.project(v.voxelToPatient(positions[3], positions[4], positions[5]));
        return Optional.of(new Commissures(ac, pc, spread[0] * voxelMm, spread[1] * voxelMm));
    }
}
