package org.mrpilot.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.mrpilot.api.geometry.ImageSlice;

/**
 * Ways a localizer arrives unusable, made from a clean one's images without a new acquisition: the cases `bench
 * planning` scores the quality verdict on. The first four are what a scanner sends when something went wrong before the
 * images (no head in the field of view, a plane not acquired, a scan stopped after one image, a re-landmarked table);
 * the last three are artefacts (patient motion within or between planes, a receiver-gain fault) that leave the
 * localizer's structure intact.
 */
enum LocalizerDamage {
    /** receiver noise only: nothing in the field of view */
    NO_HEAD,
    /** the slices of one orientation only */
    ONE_PLANE,
    /** the middle slice alone */
    SINGLE_SLICE,
    /** one plane in another frame of reference (the table was re-landmarked) */
    MIXED_FRAMES,
    /** periodic motion: ghosts at +-1/4 of the field of view along phase */
    MOTION_GHOSTS,
    /** a receiver-gain fault: one slice 30x too bright */
    INTENSITY_FAULT,
    /** the head moved 12-20 mm before the last plane was acquired: that plane's images show it displaced in-plane */
    MOVED_PLANE;

    /** Rayleigh noise: its 10th percentile is sigma * sqrt(-2 ln 0.9). */
    private static final double RAYLEIGH_P10 = Math.sqrt(-2 * Math.log(0.9));
    /** Any valid UID other than the localizer's: the DICOM UUID-derived root. */
    private static final String OTHER_FRAME = "2.25.299792458";

    List<ImageSlice> apply(List<ImageSlice> clean, long seed) {
        Random random = new Random(seed);
        ImageSlice first = clean.get(0);
        List<ImageSlice> out = new ArrayList<>();
        switch (this) {
            case NO_HEAD -> {
                for (ImageSlice s : clean) {
                    double sigma = Math.max(percentile(s.pixels(), 0.10) / RAYLEIGH_P10, 1e-3);
                    float[] p = new float[s.pixels().length];
                    for (int i = 0; i < p.length; i++) p[i] = (float) (sigma * Math.hypot(random.nextGaussian(), random.nextGaussian()));
                    out.add(with(s, p, s.frameOfReferenceUid()));
                }
            }
            case ONE_PLANE -> clean.stream().filter(s -> parallel(s, first)).forEach(out::add);
            case SINGLE_SLICE -> out.add(clean.get(clean.size() / 2));
            case MIXED_FRAMES -> {
                ImageSlice last = clean.get(clean.size() - 1);
                for (ImageSlice s : clean) out.add(parallel(s, last) ? with(s, s.pixels(), OTHER_FRAME) : s);
            }
            case MOTION_GHOSTS -> {
                for (ImageSlice s : clean) {
                    // periodic motion: copies at +-1/4 of the field of view along phase (the column direction), half as bright
                    float[] p = new float[s.pixels().length];
                    int shift = s.rows() / 4;
                    for (int r = 0; r < s.rows(); r++) {
                        for (int c = 0; c < s.columns(); c++) {
                            p[r * s.columns() + c] = s.pixel(c, r) + 0.5f * (s.pixel(c, (r + shift) % s.rows()) + s.pixel(c, (r - shift + s.rows()) % s.rows()));
                        }
                    }
                    out.add(with(s, p, s.frameOfReferenceUid()));
                }
            }
            case INTENSITY_FAULT -> {
                int faulty = random.nextInt(clean.size());
                for (int k = 0; k < clean.size(); k++) {
                    ImageSlice s = clean.get(k);
                    if (k != faulty) {
                        out.add(s);
                        continue;
                    }
                    float[] p = s.pixels().clone();
                    for (int i = 0; i < p.length; i++) p[i] *= 30;
                    out.add(with(s, p, s.frameOfReferenceUid()));
                }
            }
            case MOVED_PLANE -> {
                ImageSlice last = clean.get(clean.size() - 1);
                double moveMm = 12 + 8 * random.nextDouble(), angle = 2 * Math.PI * random.nextDouble();
                for (ImageSlice s : clean) {
                    if (!parallel(s, last)) {
                        out.add(s);
                        continue;
                    }
                    // circular, because the shifted-in border is background noise either way
                    int dc = (int) Math.round(moveMm * Math.cos(angle) / s.columnSpacingMm()), dr = (int) Math.round(moveMm * Math.sin(angle) / s.rowSpacingMm());
                    float[] p = new float[s.pixels().length];
                    for (int r = 0; r < s.rows(); r++) {
                        for (int c = 0; c < s.columns(); c++) {
                            p[r * s.columns() + c] = s.pixel(Math.floorMod(c - dc, s.columns()), Math.floorMod(r - dr, s.rows()));
                        }
                    }
                    out.add(with(s, p, s.frameOfReferenceUid()));
                }
            }
        }
        return out;
    }

    private static boolean parallel(ImageSlice a, ImageSlice b) {
        return Math.abs(a.normal().dot(b.normal())) > 0.99;
    }

    private static ImageSlice with(ImageSlice s, float[] pixels, String frameOfReferenceUid) {
        return new ImageSlice(s.columns(), s.rows(), pixels, s.positionMm(), s.rowDirection(), s.columnDirection(), s.rowSpacingMm(),
                s.columnSpacingMm(), s.thicknessMm(), frameOfReferenceUid);
    }

    private static double percentile(float[] values, double q) {
        float[] s = values.clone();
        Arrays.sort(s);
        return s[(int) (q * (s.length - 1))];
    }
}
