package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.GeometryTable;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.Rasters;
import org.mrpilot.api.sequence.RfUse;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * Builds the sequence table of a protocol for a planned slice group, on the standard rasters and within the given
 * hardware limits. Loops: series (TI, localizer plane) outermost, then slice, then phase-encoding line; one
 * excitation per TR, so TR is the excitation-to-excitation time.
 */
public final class SequenceBuilder {
    private static final double RF_SPOIL_INCREMENT_RAD = Math.toRadians(117);
    private static final int INVERSION_US = 1000;

    private final Waveforms w;
    private final GradientRotation rotation;
    private final List<Block> blocks = new ArrayList<>();
    private int excitations;

    private SequenceBuilder(SafetyLimits limits, GradientRotation rotation) {
        this.w = new Waveforms(limits);
        this.rotation = rotation;
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
        SequenceBuilder b = new SequenceBuilder(limits, rotation);
        AcquisitionParameters p = protocol.parameters();
        switch (protocol.kind()) {
            case LOCALIZER -> {
                List<SliceGroup> planes = localizerPlanes(group);
                for (int i = 0; i < planes.size(); i++) b.spoiledGradientEcho(protocol, planes.get(i), null, i);
            }
            case SPOILED_GRE -> b.spoiledGradientEcho(protocol, group, null, 0);
            case INVERSION_RECOVERY -> {
                for (int i = 0; i < p.inversionTimesS().size(); i++) b.spoiledGradientEcho(protocol, group, p.inversionTimesS().get(i), i);
            }
            case MULTI_ECHO_SPIN_ECHO -> b.multiEchoSpinEcho(protocol, group);
        }
        return new SequenceTable(Rasters.STANDARD, definitions(protocol, group), b.blocks);
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

    // ---- spoiled gradient echo (localizer, FLASH, inversion recovery) ----

    private void spoiledGradientEcho(Protocol protocol, SliceGroup g, Double inversionTimeS, int series) {
        AcquisitionParameters p = protocol.parameters();
        Orientation o = Orientation.of(g);
        SliceExcitation excitation = new SliceExcitation(w, p.flipAngleDeg(), g.thicknessMm(), RfUse.EXCITATION);
        Readout readout = new Readout(w, g, protocol.readoutBandwidthHzPerPixel());
        LogicalBlock excite = new LogicalBlock().slice(excitation.sliceGradient).rf(excitation.at(0, 0));
        int exciteUs = excite.durationUs(w);
        double maxPhaseArea = readout.phaseArea(0);
        int prephaseUs = new LogicalBlock().read(w.common(-readout.areaToEcho)[0]).phase(w.common(maxPhaseArea)[0])
                .slice(w.common(-excitation.areaAfterCentre)[0]).durationUs(w);
        double minTeUs = exciteUs - excitation.centreUs() + prephaseUs + readout.echoUs;
        double teUs = p.echoTimesS().get(0) * 1e6;
        if (teUs < minTeUs - 1e-6) throw new IllegalArgumentException(String.format(Locale.ROOT,
                "TE %.2f ms is shorter than the minimum %.2f ms for this geometry and bandwidth", teUs / 1e3, minTeUs / 1e3));
        int prephasePadUs = (int) Math.round((prephaseUs + teUs - minTeUs) / Waveforms.GRAD_RASTER_US) * Waveforms.GRAD_RASTER_US;
        double spoilArea = 4 / (g.thicknessMm() * 1e-3);

        InversionTiming inversion = inversionTimeS == null ? null : inversionTiming(inversionTimeS, excitation, spoilArea);
        for (int slice = 0; slice < g.sliceCount(); slice++) {
            double[] offset = o.offsetsM(g.sliceCentreMm(slice));
            for (int line = 0; line < g.matrixPhase(); line++) {
                List<LogicalBlock> tr = new ArrayList<>();
                if (inversion != null) {
                    tr.add(new LogicalBlock().rf(Waveforms.hard(180, INVERSION_US, w.rfDeadUs, RfUse.INVERSION)));
                    tr.add(new LogicalBlock().slice(w.common(spoilArea)[0]).atLeast(inversion.gapUs));
                }
                double spoilPhase = 0.5 * RF_SPOIL_INCREMENT_RAD * (excitations * excitations + excitations + 2);
                excitations++;
                tr.add(new LogicalBlock().slice(excitation.sliceGradient).rf(excitation.at(offset[2], spoilPhase)));
                double phaseArea = readout.phaseArea(line);
                Trapezoid[] pre = w.common(-readout.areaToEcho, phaseArea, -excitation.areaAfterCentre);
                tr.add(new LogicalBlock().read(pre[0]).phase(pre[1]).slice(pre[2]).atLeast(prephasePadUs));
                tr.add(new LogicalBlock().read(readout.gradient).adc(readout.adc(offset[0], offset[1], line, spoilPhase))
                        .label("LIN", line).label("SLC", slice).label("SET", series));
                Trapezoid[] post = w.common(readout.areaAfterEcho + readout.areaToEcho, -phaseArea, spoilArea);
                tr.add(new LogicalBlock().read(post[0]).phase(post[1]).slice(post[2]));
                addRepetition(o, tr, p.repetitionTimeS());
            }
        }
    }

    /** Where the inversion sits: the gap between the inversion block and the excitation block gives the TI. */
    private record InversionTiming(int gapUs) {
    }

    private InversionTiming inversionTiming(double inversionTimeS, SliceExcitation excitation, double spoilArea) {
        LogicalBlock inversionBlock = new LogicalBlock().rf(Waveforms.hard(180, INVERSION_US, w.rfDeadUs, RfUse.INVERSION));
        double afterInversionCentre = inversionBlock.durationUs(w) - (w.rfDeadUs + INVERSION_US / 2.0);
        double gapUs = inversionTimeS * 1e6 - afterInversionCentre - excitation.centreUs();
        int minimumGap = new LogicalBlock().slice(w.common(spoilArea)[0]).durationUs(w);
        if (gapUs < minimumGap) throw new IllegalArgumentException(String.format(Locale.ROOT, "TI %.1f ms is shorter than the minimum %.1f ms",
                inversionTimeS * 1e3, (inversionTimeS * 1e6 - gapUs + minimumGap) / 1e3));
        if (Math.abs(gapUs / Waveforms.GRAD_RASTER_US - Math.rint(gapUs / Waveforms.GRAD_RASTER_US)) > 1e-6) {
            throw new IllegalArgumentException("TI " + inversionTimeS * 1e3 + " ms is not on the 10 us raster");
        }
        return new InversionTiming((int) Math.round(gapUs));
    }

    /** Appends one TR of blocks, padded with a delay so that it lasts {@code trS}; refuses a TR that is too short. */
    private void addRepetition(Orientation o, List<LogicalBlock> tr, double trS) {
        long used = 0;
        for (LogicalBlock lb : tr) {
            Block b = lb.toBlock(o, w, rotation);
            blocks.add(b);
            used += b.durationUs();
        }
        long trUs = Math.round(trS * 1e6);
        if (trUs < used) throw new IllegalArgumentException(String.format(Locale.ROOT, "TR %.2f ms is shorter than the minimum %.2f ms", trS * 1e3, used / 1e3));
        if (trUs % Waveforms.GRAD_RASTER_US != 0) throw new IllegalArgumentException("TR " + trS * 1e3 + " ms is not on the 10 us raster");
        if (trUs > used) blocks.add(Block.delay(trUs - used));
    }

    // ---- multi-echo spin echo (CPMG) ----

    private void multiEchoSpinEcho(Protocol protocol, SliceGroup g) {
        AcquisitionParameters p = protocol.parameters();
        List<Integer> echoNumbers = echoNumbers(p.echoTimesS());
        double spacingUs = p.echoTimesS().get(0) * 1e6 / echoNumbers.get(0);
        int echoCount = echoNumbers.get(echoNumbers.size() - 1);
        Orientation o = Orientation.of(g);
        SliceExcitation excitation = new SliceExcitation(w, p.flipAngleDeg(), g.thicknessMm(), RfUse.EXCITATION);
        SliceExcitation refocusing = new SliceExcitation(w, 180, g.thicknessMm(), RfUse.REFOCUSING);
        Readout readout = new Readout(w, g, protocol.readoutBandwidthHzPerPixel());
        double crusher = 4 / (g.thicknessMm() * 1e-3);
        int refocusUs = new LogicalBlock().slice(refocusing.sliceGradient).rf(refocusing.at(0, 0)).durationUs(w);
        double afterRefocusCentre = refocusUs - refocusing.centreUs();
        int exciteUs = new LogicalBlock().slice(excitation.sliceGradient).rf(excitation.at(0, 0)).durationUs(w);

        int firstGapUs = gap(spacingUs / 2 - (exciteUs - excitation.centreUs()) - refocusing.centreUs(), "echo spacing", spacingUs);
        int beforeEchoUs = gap(spacingUs / 2 - afterRefocusCentre - readout.echoUs, "echo spacing", spacingUs);
        int readoutUs = new LogicalBlock().read(readout.gradient).adc(readout.adc(0, 0, 0, 0)).durationUs(w);
        int afterEchoUs = gap(spacingUs / 2 - (readoutUs - readout.echoUs) - refocusing.centreUs(), "echo spacing", spacingUs);
        int idleUs = gap(spacingUs - refocusUs, "echo spacing", spacingUs);
        double maxPhase = readout.phaseArea(0);
        requireFits(beforeEchoUs, w.common(-readout.areaToEcho, maxPhase, crusher));
        requireFits(afterEchoUs, w.common(-readout.areaAfterEcho, -maxPhase, crusher));
        requireFits(firstGapUs, w.common(crusher - excitation.areaAfterCentre));
        requireFits(idleUs, w.common(2 * crusher));

        for (int slice = 0; slice < g.sliceCount(); slice++) {
            double[] offset = o.offsetsM(g.sliceCentreMm(slice));
            for (int line = 0; line < g.matrixPhase(); line++) {
                List<LogicalBlock> tr = new ArrayList<>();
                tr.add(new LogicalBlock().slice(excitation.sliceGradient).rf(excitation.at(offset[2], 0)));
                tr.add(new LogicalBlock().slice(w.common(crusher - excitation.areaAfterCentre)[0]).atLeast(firstGapUs));
                double phaseArea = readout.phaseArea(line);
                for (int echo = 1; echo <= echoCount; echo++) {
                    // CPMG: refocusing pulses 90 degrees out of phase with the excitation.
                    tr.add(new LogicalBlock().slice(refocusing.sliceGradient).rf(refocusing.at(offset[2], Math.PI / 2)));
                    int acquired = echoNumbers.indexOf(echo);
                    boolean last = echo == echoCount;
                    if (acquired >= 0) {
                        Trapezoid[] pre = w.common(-readout.areaToEcho, phaseArea, crusher);
                        tr.add(new LogicalBlock().read(pre[0]).phase(pre[1]).slice(pre[2]).atLeast(beforeEchoUs));
                        tr.add(new LogicalBlock().read(readout.gradient).adc(readout.adc(offset[0], offset[1], line, 0))
                                .label("LIN", line).label("SLC", slice).label("ECO", acquired));
                        Trapezoid[] post = w.common(last ? readout.areaToEcho : -readout.areaAfterEcho, -phaseArea, last ? 2 * crusher : crusher);
                        tr.add(new LogicalBlock().read(post[0]).phase(post[1]).slice(post[2]).atLeast(last ? 0 : afterEchoUs));
                    } else {
                        tr.add(new LogicalBlock().slice(w.common(2 * crusher)[0]).atLeast(last ? 0 : idleUs));
                    }
                }
                addRepetition(o, tr, p.repetitionTimeS());
            }
        }
    }

    /** Echo numbers (1-based, in units of the shortest TE) of the echo times; they must be whole multiples. */
    static List<Integer> echoNumbers(List<Double> echoTimesS) {
        double spacing = echoTimesS.stream().mapToDouble(Double::doubleValue).min().orElseThrow(() -> new IllegalArgumentException("no echo times"));
        List<Integer> numbers = new ArrayList<>();
        for (double te : echoTimesS) {
            double n = te / spacing;
            if (Math.abs(n - Math.rint(n)) > 1e-6) throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "echo time %.3f ms is not a whole multiple of the shortest echo time %.3f ms (CPMG echo spacing)", te * 1e3, spacing * 1e3));
            if (!numbers.isEmpty() && Math.rint(n) <= numbers.get(numbers.size() - 1)) throw new IllegalArgumentException("echo times must increase");
            numbers.add((int) Math.rint(n));
        }
        return numbers;
    }

    /**
     * A gap on the gradient raster. The readout's echo sample rarely falls on the raster, so the spin echo may sit up to
     * 5 us off the gradient echo; the k-space centre itself stays exact.
     */
    private static int gap(double us, String what, double spacingUs) {
        int rounded = (int) Math.round(us / Waveforms.GRAD_RASTER_US) * Waveforms.GRAD_RASTER_US;
        if (rounded < Waveforms.GRAD_RASTER_US) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %.2f ms is too short for this geometry", what, spacingUs / 1e3));
        }
        return rounded;
    }

    private void requireFits(int availableUs, Trapezoid[] gradients) {
        for (Trapezoid t : gradients) {
            if (t != null && t.endUs(Waveforms.GRAD_RASTER_US) > availableUs) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the echo spacing leaves %.2f ms for gradients that need %.2f ms (lower the resolution or raise the first TE)",
                        availableUs / 1e3, t.endUs(Waveforms.GRAD_RASTER_US) / 1e3));
            }
        }
    }
}
