package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SequenceKind;

/**
 * The protocols of the exam. The T1 and T2 series carry the acquisition settings of seed 001, Table 2: inversion
 * recovery with the 23-, 31- and 25-TI sets (TR 8192 ms, flip 10 degrees, TE 4 ms) and a CPMG series acquiring the
 * echoes at 10, 20, 40, 80, 160, 320 ms; 210 x 210 matrix at 0.82 mm in-plane. The 1.5 mm sets read out at
 * 800 Hz/pixel so that TE 4 ms fits behind the longer slice rephaser.
 */
public final class Protocols {
    static final List<Double> TI_23_MS = List.of(172.0, 204.0, 237.0, 270.0, 303.0, 335.0, 368.0, 401.0, 434.0, 467.0, 499.0, 532.0, 565.0,
            598.0, 630.0, 663.0, 696.0, 729.0, 761.0, 794.0, 827.0, 860.0, 893.0);
    static final List<Double> TI_31_MS = List.of(139.0, 166.0, 193.0, 219.0, 246.0, 272.0, 299.0, 325.0, 352.0, 379.0, 405.0, 432.0, 458.0,
            485.0, 511.0, 538.0, 565.0, 591.0, 618.0, 644.0, 671.0, 697.0, 724.0, 751.0, 777.0, 804.0, 838.0, 857.0, 883.0, 915.0, 937.0);
    static final List<Double> TI_25_MS = concat(TI_23_MS, List.of(925.0, 958.0));
    static final List<Double> T2_ECHO_TIMES_MS = List.of(10.0, 20.0, 40.0, 80.0, 160.0, 320.0);
    private static final double FIELD_T = 3.0;
    private static final int MATRIX = 210;
    private static final double FOV_MM = MATRIX * 0.82;

    private Protocols() {
    }

    /** Every protocol by name, in exam order. */
    public static Map<String, Protocol> all() {
        Map<String, Protocol> all = new LinkedHashMap<>();
        add(all, new Protocol("localizer", "three-plane spoiled GRE localizer", SequenceKind.LOCALIZER,
                params(0.02, List.of(4.0), List.of(), 20), 400, axial(256, 128, 5, 0, 1)));
        add(all, new Protocol("gre", "2D multi-slice spoiled GRE (FLASH)", SequenceKind.SPOILED_GRE,
                params(0.1, List.of(5.0), List.of(), 25), 300, axial(FOV_MM, MATRIX, 3, 0, 10)));
        add(all, new Protocol("t1-ir-23", "inversion recovery, 23 TIs (seed 001 HP T1)", SequenceKind.INVERSION_RECOVERY,
                params(8.192, List.of(4.0), TI_23_MS, 10), 800, axial(FOV_MM, MATRIX, 1.5, 1.5, 15)));
        add(all, new Protocol("t1-ir-31", "inversion recovery, 31 TIs (seed 001 IV T1)", SequenceKind.INVERSION_RECOVERY,
                params(8.192, List.of(4.0), TI_31_MS, 10), 500, axial(FOV_MM, MATRIX, 3, 1.5, 10)));
        add(all, new Protocol("t1-ir-25", "inversion recovery, 25 TIs (seed 001 IV T1 noisy)", SequenceKind.INVERSION_RECOVERY,
                params(8.192, List.of(4.0), TI_25_MS, 10), 800, axial(FOV_MM, MATRIX, 1.5, 0, 1)));
        add(all, new Protocol("t2-mese", "multi-echo spin echo, TE 10-320 ms (seed 001 T2)", SequenceKind.MULTI_ECHO_SPIN_ECHO,
                params(2.0, T2_ECHO_TIMES_MS, List.of(), 90), 500, axial(FOV_MM, MATRIX, 3, 1.5, 10)));
        return all;
    }

    private static void add(Map<String, Protocol> all, Protocol p) {
        all.put(p.name(), p);
    }

    private static AcquisitionParameters params(double trS, List<Double> teMs, List<Double> tiMs, double flipDeg) {
        return new AcquisitionParameters(trS, teMs.stream().map(t -> t * 1e-3).toList(), tiMs.stream().map(t -> t * 1e-3).toList(), flipDeg, FIELD_T);
    }

    private static SliceGroup axial(double fovMm, int matrix, double thicknessMm, double gapMm, int slices) {
        return new SliceGroup("default", Vec3.ZERO, Vec3.L, Vec3.P, fovMm, fovMm, matrix, matrix, thicknessMm, gapMm, slices, "", "HFS");
    }

    private static List<Double> concat(List<Double> a, List<Double> b) {
        List<Double> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
