package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.RfUse;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * 2D spoiled gradient echo (FLASH) with RF spoiling, optionally after a non-selective inversion at a given TI:
 * one phase-encoding line per TR, slices one after the other. Serves the localizer planes, FLASH and the
 * inversion-recovery series.
 */
final class SpoiledGradientEcho {
    private static final double RF_SPOIL_INCREMENT_RAD = Math.toRadians(117);
    private static final int INVERSION_US = 1000;

    private final Waveforms w;
    private final TableAssembler table;
    /** Excitations so far, across series, for the quadratic RF-spoiling phase. */
    private int excitations;

    SpoiledGradientEcho(Waveforms w, TableAssembler table) {
        this.w = w;
        this.table = table;
    }

    /** Appends one series (all slices and lines) for {@code group}; {@code inversionTimeS} null means no inversion. */
    void series(Protocol protocol, SliceGroup g, Double inversionTimeS, int series) {
        AcquisitionParameters p = protocol.parameters();
        Orientation o = Orientation.of(g);
        SliceExcitation excitation = new SliceExcitation(w, p.flipAngleDeg(), g.thicknessMm(), RfUse.EXCITATION);
        Readout readout = new Readout(w, g, protocol.readoutBandwidthHzPerPixel());
        LogicalBlock excite = new LogicalBlock().slice(excitation.sliceGradient).rf(excitation.at(0, 0));
        int exciteUs = excite.durationUs(w);
        double maxPhaseArea = readout.phaseArea(0);
        int prephaseUs = (int) w.longestCommonUs(o, -readout.areaToEcho, maxPhaseArea, -excitation.areaAfterCentre);
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
                    tr.add(new LogicalBlock().slice(w.single(spoilArea)).atLeast(inversion.gapUs));
                }
                double spoilPhase = 0.5 * RF_SPOIL_INCREMENT_RAD * (excitations * excitations + excitations + 2);
                excitations++;
                tr.add(new LogicalBlock().slice(excitation.sliceGradient).rf(excitation.at(offset[2], spoilPhase)));
                double phaseArea = readout.phaseArea(line);
                Trapezoid[] pre = w.common(o, -readout.areaToEcho, phaseArea, -excitation.areaAfterCentre);
                tr.add(new LogicalBlock().read(pre[0]).phase(pre[1]).slice(pre[2]).atLeast(prephasePadUs));
                tr.add(new LogicalBlock().read(readout.gradient).adc(readout.adc(offset[0], offset[1], line, spoilPhase))
                        .label("LIN", line).label("SLC", slice).label("SET", series));
                Trapezoid[] post = w.common(o, readout.areaAfterEcho + readout.areaToEcho, -phaseArea, spoilArea);
                tr.add(new LogicalBlock().read(post[0]).phase(post[1]).slice(post[2]));
                table.addRepetition(o, tr, p.repetitionTimeS());
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
        int minimumGap = new LogicalBlock().slice(w.single(spoilArea)).durationUs(w);
        if (gapUs < minimumGap) throw new IllegalArgumentException(String.format(Locale.ROOT, "TI %.1f ms is shorter than the minimum %.1f ms",
                inversionTimeS * 1e3, (inversionTimeS * 1e6 - gapUs + minimumGap) / 1e3));
        if (Math.abs(gapUs / Waveforms.GRAD_RASTER_US - Math.rint(gapUs / Waveforms.GRAD_RASTER_US)) > 1e-6) {
            throw new IllegalArgumentException("TI " + inversionTimeS * 1e3 + " ms is not on the 10 us raster");
        }
        return new InversionTiming((int) Math.round(gapUs));
    }

}
