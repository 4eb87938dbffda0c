package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.GeometryTable;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.Rasters;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceTable;

/**
 * Builds the sequence table of a protocol for a planned slice group, on the standard rasters and within the given
 * hardware limits. Loops: series (TI, localizer plane) outermost, then slice, then phase-encoding line; one
 * excitation per TR, so TR is the excitation-to-excitation time. Also states the geometry table that goes with it.
 */
public final class SequenceBuilder {
    private SequenceBuilder() {
    }

    /**
     * The sequence table of {@code protocol} for {@code group}.
     *
     * @throws IllegalArgumentException naming the parameter when the protocol cannot be played with this geometry on
     *                                  this hardware (TE too short, TR too short, gradient too strong, ...)
     */
    public static SequenceTable build(Protocol protocol, SliceGroup group, SafetyLimits limits) {
        return build(protocol, group, limits, GradientRotation.BAKED_IN);
    }

    /** As {@link #build(Protocol, SliceGroup, SafetyLimits)}, with the orientation expressed as chosen. */
    public static SequenceTable build(Protocol protocol, SliceGroup group, SafetyLimits limits, GradientRotation rotation) {
        Waveforms w = new Waveforms(limits);
        TableAssembler table = new TableAssembler(w, rotation);
        SpoiledGradientEcho gre = new SpoiledGradientEcho(w, table);
        List<Double> inversionTimes = protocol.parameters().inversionTimesS();
        switch (protocol.kind()) {
            case LOCALIZER -> {
                List<SliceGroup> planes = localizerPlanes(group);
                for (int i = 0; i < planes.size(); i++) gre.series(protocol, planes.get(i), null, i);
            }
            case SPOILED_GRE -> gre.series(protocol, group, null, 0);
            case INVERSION_RECOVERY -> {
                for (int i = 0; i < inversionTimes.size(); i++) gre.series(protocol, group, inversionTimes.get(i), i);
            }
            case MULTI_ECHO_SPIN_ECHO -> new MultiEchoSpinEcho(w, table).series(protocol, group);
        }
        return new SequenceTable(Rasters.STANDARD, definitions(protocol, group), table.blocks());
    }

    /** The geometry table that goes with {@link #build}: the localizer's three planes, otherwise the group itself. */
    public static GeometryTable geometry(Protocol protocol, SliceGroup group) {
        List<SliceGroup> groups = protocol.kind() == org.mrpilot.api.sequence.SequenceKind.LOCALIZER ? localizerPlanes(group) : List.of(group);
        return new GeometryTable(protocol.name(), protocol.parameters(), groups);
    }

    /** Axial, coronal and sagittal single slices through the group's centre, with its FOV, matrix and thickness. */
    static List<SliceGroup> localizerPlanes(SliceGroup g) {
        Vec3[][] axes = {{Vec3.L, Vec3.P}, {Vec3.L, Vec3.S.times(-1)}, {Vec3.P, Vec3.S.times(-1)}};
        String[] names = {"axial", "coronal", "sagittal"};
        List<SliceGroup> planes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            planes.add(new SliceGroup(g.name() + "-" + names[i], g.centreMm(), axes[i][0], axes[i][1], g.fovReadMm(), g.fovPhaseMm(), g.matrixRead(),
                    g.matrixPhase(), g.thicknessMm(), 0, 1, g.frameOfReferenceUid(), g.patientPosition()));
        }
        return planes;
    }

    private static Map<String, String> definitions(Protocol protocol, SliceGroup g) {
        Map<String, String> d = new LinkedHashMap<>();
        AcquisitionParameters p = protocol.parameters();
        d.put("Name", protocol.name());
        d.put("FOV", g9(g.fovReadMm() * 1e-3) + " " + g9(g.fovPhaseMm() * 1e-3) + " " + g9(g.thicknessMm() * 1e-3));
        d.put("SliceThickness", g9(g.thicknessMm() * 1e-3));
        d.put("TR", g9(p.repetitionTimeS()));
        d.put("TE", String.join(" ", p.echoTimesS().stream().map(SequenceBuilder::g9).toList()));
        if (!p.inversionTimesS().isEmpty()) d.put("TI", String.join(" ", p.inversionTimesS().stream().map(SequenceBuilder::g9).toList()));
        return d;
    }

    private static String g9(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }

}
