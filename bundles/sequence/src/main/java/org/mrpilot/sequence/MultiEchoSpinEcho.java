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
 * Multi-echo spin echo (CPMG) for T2 mapping: echo spacing = the shortest TE, refocusing pulses 90 degrees out of
 * phase with the excitation and framed by equal crushers, readouts only at the echoes of the TE list (which must be
 * whole multiples of the spacing), every readout rewound so each echo interval returns to k = 0.
 */
final class MultiEchoSpinEcho {
    private final Waveforms w;
    private final TableAssembler table;

    MultiEchoSpinEcho(Waveforms w, TableAssembler table) {
        this.w = w;
        this.table = table;
    }

    void series(Protocol protocol, SliceGroup g) {
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
        requireFits(beforeEchoUs, w.longestCommonUs(o, -readout.areaToEcho, maxPhase, crusher));
        requireFits(afterEchoUs, w.longestCommonUs(o, -readout.areaAfterEcho, maxPhase, crusher));
        requireFits(firstGapUs, w.single(crusher - excitation.areaAfterCentre).endUs(Waveforms.GRAD_RASTER_US));
        requireFits(idleUs, w.single(2 * crusher).endUs(Waveforms.GRAD_RASTER_US));

        for (int slice = 0; slice < g.sliceCount(); slice++) {
            double[] offset = o.offsetsM(g.sliceCentreMm(slice));
            for (int line = 0; line < g.matrixPhase(); line++) {
                List<LogicalBlock> tr = new ArrayList<>();
                tr.add(new LogicalBlock().slice(excitation.sliceGradient).rf(excitation.at(offset[2], 0)));
                tr.add(new LogicalBlock().slice(w.single(crusher - excitation.areaAfterCentre)).atLeast(firstGapUs));
                double phaseArea = readout.phaseArea(line);
                for (int echo = 1; echo <= echoCount; echo++) {
                    // CPMG: refocusing pulses 90 degrees out of phase with the excitation.
                    tr.add(new LogicalBlock().slice(refocusing.sliceGradient).rf(refocusing.at(offset[2], Math.PI / 2)));
                    int acquired = echoNumbers.indexOf(echo);
                    boolean last = echo == echoCount;
                    if (acquired >= 0) {
                        Trapezoid[] pre = w.common(o, -readout.areaToEcho, phaseArea, crusher);
                        tr.add(new LogicalBlock().read(pre[0]).phase(pre[1]).slice(pre[2]).atLeast(beforeEchoUs));
                        tr.add(new LogicalBlock().read(readout.gradient).adc(readout.adc(offset[0], offset[1], line, 0))
                                .label("LIN", line).label("SLC", slice).label("ECO", acquired));
                        Trapezoid[] post = w.common(o, last ? readout.areaToEcho : -readout.areaAfterEcho, -phaseArea, last ? 2 * crusher : crusher);
                        tr.add(new LogicalBlock().read(post[0]).phase(post[1]).slice(post[2]).atLeast(last ? 0 : afterEchoUs));
                    } else {
                        tr.add(new LogicalBlock().slice(w.single(2 * crusher)).atLeast(last ? 0 : idleUs));
                    }
                }
                table.addRepetition(o, tr, p.repetitionTimeS());
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

    private static void requireFits(int availableUs, double neededUs) {
        if (neededUs > availableUs) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the echo spacing leaves %.2f ms for gradients that need %.2f ms (lower the resolution or raise the first TE)",
                    availableUs / 1e3, neededUs / 1e3));
        }
    }
}
