package org.mrpilot.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

/** Turns the instances of one complete series into the api's series, and into a volume when they form a stack. */
final class SeriesBuilder {
    /** Positions from DICOM decimal strings agree to ~1e-4 mm; a stack whose spacing varies more is irregular. */
    static final double SPACING_TOLERANCE_MM = 0.01;
    private static final double PARALLEL_TOLERANCE = 1e-4;

    private SeriesBuilder() {
    }

    static ReceivedSeries series(List<Instance> instances, Path folder, String callingAeTitle) {
        List<Instance> ordered = order(instances);
        Instance first = ordered.get(0);
        List<ImageSlice> slices = ordered.stream().map(Instance::slice).toList();
        return new ReceivedSeries(first.study(), first.seriesInstanceUid(), first.seriesNumber(), first.seriesDescription(),
                first.modality(), first.patientPosition(), first.slice().frameOfReferenceUid(), first.imageTypes(), slices,
                acquisition(ordered), folder, callingAeTitle);
    }

    /**
     * Parallel stacks sorted along their normal, then (several images at one position: multi-echo, multi-TI) by
     * TE, TI and instance number, so the order never depends on network arrival; anything else by instance number.
     */
    private static List<Instance> order(List<Instance> instances) {
        List<Instance> list = new ArrayList<>(instances);
        if (parallel(list.stream().map(Instance::slice).toList())) {
            Vec3 n = list.get(0).slice().normal();
            list.sort(Comparator.comparingLong((Instance i) -> positionKey(i.slice(), n))
                    .thenComparingDouble(Instance::teMs).thenComparingDouble(Instance::tiMs).thenComparingInt(Instance::instanceNumber));
        } else {
            list.sort(Comparator.comparingInt(Instance::instanceNumber));
        }
        return list;
    }

    /**
     * Where a slice lies along {@code normal}, in units of the spacing tolerance: decimal strings of one position may
     * differ in the last digit, so equal keys mean one slice position.
     */
    static long positionKey(ImageSlice slice, Vec3 normal) {
        return Math.round(slice.positionMm().dot(normal) / SPACING_TOLERANCE_MM);
    }

    static boolean parallel(List<ImageSlice> slices) {
        ImageSlice a = slices.get(0);
        for (ImageSlice s : slices) {
            if (s.rowDirection().minus(a.rowDirection()).norm() > PARALLEL_TOLERANCE
                    || s.columnDirection().minus(a.columnDirection()).norm() > PARALLEL_TOLERANCE) return false;
        }
        return true;
    }

    /** TR, flip angle and field strength from the first image; TE and TI as their distinct values, ascending. */
    private static AcquisitionParameters acquisition(List<Instance> ordered) {
        Instance first = ordered.get(0);
        Set<Double> te = new TreeSet<>();
        Set<Double> ti = new TreeSet<>();
        for (Instance i : ordered) {
            if (!Double.isNaN(i.teMs())) te.add(i.teMs() / 1000);
            if (!Double.isNaN(i.tiMs())) ti.add(i.tiMs() / 1000);
        }
        return new AcquisitionParameters(first.trMs() / 1000, List.copyOf(te), List.copyOf(ti), first.flipAngleDeg(), first.fieldStrengthT());
    }

    /**
     * The series as a volume: i along rows (column index), j along columns (row index), k along the normal, when all
     * slices are parallel, equally sized and sampled, and evenly spaced; empty otherwise.
     */
    static Optional<Volume> volume(ReceivedSeries series) {
        List<ImageSlice> s = series.slices();
        ImageSlice a = s.get(0);
        if (!parallel(s)) return Optional.empty();
        for (ImageSlice x : s) {
            if (x.rows() != a.rows() || x.columns() != a.columns() || Math.abs(x.rowSpacingMm() - a.rowSpacingMm()) > 1e-6
                    || Math.abs(x.columnSpacingMm() - a.columnSpacingMm()) > 1e-6 || !x.frameOfReferenceUid().equals(a.frameOfReferenceUid())) {
                return Optional.empty();
            }
        }
        Vec3 k = a.normal();
        double spacing = a.thicknessMm() > 0 ? a.thicknessMm() : 1;
        if (s.size() > 1) {
            Vec3 step = s.get(1).positionMm().minus(a.positionMm());
            spacing = step.norm();
            if (spacing < SPACING_TOLERANCE_MM) return Optional.empty();
            k = step.times(1 / spacing);
            if (Math.abs(Math.abs(k.dot(a.normal())) - 1) > PARALLEL_TOLERANCE) return Optional.empty();
            for (int z = 1; z < s.size(); z++) {
                Vec3 expected = a.positionMm().plus(k.times(z * spacing));
                if (s.get(z).positionMm().minus(expected).norm() > SPACING_TOLERANCE_MM) return Optional.empty();
            }
        }
        int plane = a.rows() * a.columns();
        float[] voxels = new float[plane * s.size()];
        for (int z = 0; z < s.size(); z++) System.arraycopy(s.get(z).pixels(), 0, voxels, z * plane, plane);
        return Optional.of(new Volume(a.columns(), a.rows(), s.size(), voxels, a.positionMm(), a.rowDirection(), a.columnDirection(), k,
                new double[] {a.columnSpacingMm(), a.rowSpacingMm(), spacing}, a.frameOfReferenceUid()));
    }
}
