package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.Gradient;
import org.mrpilot.api.sequence.RfPulse;
import org.mrpilot.api.sequence.RfUse;
import org.mrpilot.api.sequence.SequenceTable;

/**
 * The k-space position (1/m, physical axes) at every ADC sample of a table: gradients integrated from the last
 * excitation, negated at each refocusing pulse's centre; other pulses (inversion, saturation) leave k alone. Blocks
 * with a ROTATIONS quaternion have their logical gradients rotated onto the physical axes.
 */
public final class KSpace {
    private KSpace() {
    }

    /** {@code [3][samples]}: kx, ky, kz of every ADC sample in playing order. */
    public static double[][] atAdcSamples(SequenceTable table) {
        double raster = table.rasters().gradientUs();
        double rfRaster = table.rasters().radiofrequencyUs();
        List<double[]> samples = new ArrayList<>();
        double[] k = new double[3];
        for (Block b : table.blocks()) {
            RfPulse rf = b.rf();
            double markUs = rf == null ? Double.NaN : rf.delayUs() + rf.centerUs();
            double sign = rf == null ? 1 : rf.use() == RfUse.EXCITATION || rf.use() == RfUse.UNDEFINED ? 0 : rf.use() == RfUse.REFOCUSING ? -1 : 1;
            if (b.adc() != null) {
                for (int n = 0; n < b.adc().numSamples(); n++) samples.add(at(b, k, b.adc().sampleTimeUs(n), markUs, sign, raster));
            }
            k = at(b, k, b.durationUs(), markUs, sign, raster);
        }
        double[][] out = new double[3][samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            for (int a = 0; a < 3; a++) out[a][i] = samples.get(i)[a];
        }
        return out;
    }

    private static double[] at(Block b, double[] kStart, double tUs, double markUs, double sign, double raster) {
        double[] area = physicalArea(b, tUs, raster);
        double[] k = new double[3];
        if (Double.isNaN(markUs) || tUs < markUs) {
            for (int a = 0; a < 3; a++) k[a] = kStart[a] + area[a];
        } else {
            double[] atMark = physicalArea(b, markUs, raster);
            for (int a = 0; a < 3; a++) k[a] = sign * (kStart[a] + atMark[a]) + area[a] - atMark[a];
        }
        return k;
    }

    /** Gradient area from the block start to {@code tUs} on the physical axes (rotated when the block carries a rotation). */
    private static double[] physicalArea(Block b, double tUs, double raster) {
        double[] area = new double[3];
        for (int a = 0; a < 3; a++) {
            Gradient g = b.gradient(a);
            area[a] = g == null ? 0 : g.areaUntil(tUs, raster);
        }
        return b.rotation() == null ? area : b.rotation().apply(area);
    }
}
