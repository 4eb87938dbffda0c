package org.mrpilot.physics.tissue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Tissue parameter distributions at 1.5 T and 3 T. */
public final class TissueLibrary {
    /**
     * Spread of A where Table 1 leaves the cell empty (it gives 0.3 for CSF only). Our choice, not the
     * paper's: a 0.1 between-subject spread keeps A positive and lets receiver-gain-like variation exist.
     */
    private static final double PD_SD_UNSPECIFIED = 0.1;

    private final double fieldStrengthT;
    private final Map<Tissue, TissueProperties> properties;

    private TissueLibrary(double fieldStrengthT, Map<Tissue, TissueProperties> properties) {
        if (properties.size() != Tissue.values().length) throw new IllegalStateException("tissue table incomplete at " + fieldStrengthT + " T");
        this.fieldStrengthT = fieldStrengthT;
        this.properties = Collections.unmodifiableMap(properties);
    }

    /** The library for 1.5 T or 3 T; other field strengths are refused rather than guessed. */
    public static TissueLibrary forField(double fieldStrengthT) {
        if (Math.abs(fieldStrengthT - 3.0) < 1e-9) return threeTesla();
        if (Math.abs(fieldStrengthT - 1.5) < 1e-9) return oneAndHalfTesla();
        throw new IllegalArgumentException("no tissue library for " + fieldStrengthT + " T (have 1.5 and 3)");
    }

    /**
     * 3 T: T1, T2 and A means and spreads exactly as Table 1 of the RIM paper (seed 001; its sources:
     * Bojorquez et al. 2017, Chen et al. 2016, Stanisz et al. 2005, de Bazelaire et al. 2004).
     * T2* is not in Table 1: approximate literature values (GM/WM after Peters et al., Magn Reson Imaging
     * 2007; others rough and kept below T2); they only matter for gradient-echo contrast.
     */
    public static TissueLibrary threeTesla() {
        Map<Tissue, TissueProperties> m = new EnumMap<>(Tissue.class);
        put(m, Tissue.CSF, 3500, 300, 2000, 300, 1000, 100, 1.0, 0.3);
        put(m, Tissue.GREY_MATTER, 1400, 300, 110, 30, 66, 10, 0.85, PD_SD_UNSPECIFIED);
        put(m, Tissue.WHITE_MATTER, 780, 250, 80, 20, 53, 8, 0.65, PD_SD_UNSPECIFIED);
        put(m, Tissue.FAT, 420, 100, 70, 20, 25, 5, 0.9, PD_SD_UNSPECIFIED);
        put(m, Tissue.MUSCLE, 1200, 300, 50, 20, 28, 5, 0.7, PD_SD_UNSPECIFIED);
        put(m, Tissue.SKIN, 1230, 300, 50, 20, 28, 5, 0.7, PD_SD_UNSPECIFIED);
        put(m, Tissue.SKULL, 400, 100, 30, 10, 1, 0.3, 0.9, PD_SD_UNSPECIFIED);
        put(m, Tissue.VESSEL, 1980, 300, 275, 70, 40, 10, 1.0, PD_SD_UNSPECIFIED);
        put(m, Tissue.MARROW, 580, 100, 50, 20, 10, 3, 0.8, PD_SD_UNSPECIFIED);
        return new TissueLibrary(3.0, m);
    }

    /**
     * 1.5 T means from the literature; spreads and A kept from Table 1 (between-subject spread is biological,
     * not a field effect).
     * WM 884/72 ms, GM 1124/95 ms, muscle 1008/44 ms, blood 1441/290 ms: Stanisz et al., "T1, T2 relaxation and
     * magnetization transfer in tissue at 3T", Magn Reson Med 54:507-512 (2005), 1.5 T columns.
     * Subcutaneous fat 343/58 ms, bone marrow 549/49 ms: de Bazelaire et al., "MR imaging relaxation times of
     * abdominal and pelvic tissues measured in vivo at 3.0 T", Radiology 230:652-659 (2004), 1.5 T columns.
     * CSF: T1 and T2 of free water change little between 1.5 and 3 T (Rooney et al., Magn Reson Med 57:308, 2007);
     * Table 1's values are kept. Skin and skull have no 1.5 T source here: Table 1's 3 T values scaled by the
     * muscle (1008/1200) and marrow (549/580) T1 ratios. T2* (Peters et al. 2007 for GM/WM: 84 and 66 ms)
     * is longer at lower field; the other T2* values are the 3 T ones scaled by 1.3 and kept below T2.
     */
    public static TissueLibrary oneAndHalfTesla() {
        Map<Tissue, TissueProperties> m = new EnumMap<>(Tissue.class);
        put(m, Tissue.CSF, 3500, 300, 2000, 300, 1300, 130, 1.0, 0.3);
        put(m, Tissue.GREY_MATTER, 1124, 300, 95, 30, 84, 10, 0.85, PD_SD_UNSPECIFIED);
        put(m, Tissue.WHITE_MATTER, 884, 250, 72, 20, 66, 8, 0.65, PD_SD_UNSPECIFIED);
        put(m, Tissue.FAT, 343, 100, 58, 20, 32, 5, 0.9, PD_SD_UNSPECIFIED);
        put(m, Tissue.MUSCLE, 1008, 300, 44, 20, 36, 5, 0.7, PD_SD_UNSPECIFIED);
        put(m, Tissue.SKIN, 1033, 300, 44, 20, 36, 5, 0.7, PD_SD_UNSPECIFIED);
        put(m, Tissue.SKULL, 379, 100, 30, 10, 1.3, 0.3, 0.9, PD_SD_UNSPECIFIED);
        put(m, Tissue.VESSEL, 1441, 300, 290, 70, 52, 10, 1.0, PD_SD_UNSPECIFIED);
        put(m, Tissue.MARROW, 549, 100, 49, 20, 13, 3, 0.8, PD_SD_UNSPECIFIED);
        return new TissueLibrary(1.5, m);
    }

    private static void put(Map<Tissue, TissueProperties> m, Tissue t, double t1Ms, double t1SdMs, double t2Ms, double t2SdMs,
                            double t2StarMs, double t2StarSdMs, double pd, double pdSd) {
        m.put(t, new TissueProperties(t, t1Ms / 1000, t1SdMs / 1000, t2Ms / 1000, t2SdMs / 1000, t2StarMs / 1000, t2StarSdMs / 1000, pd, pdSd));
    }

    public double fieldStrengthT() {
        return fieldStrengthT;
    }

    public TissueProperties get(Tissue tissue) {
        return properties.get(tissue);
    }

    public Map<Tissue, TissueProperties> all() {
        return properties;
    }
}
