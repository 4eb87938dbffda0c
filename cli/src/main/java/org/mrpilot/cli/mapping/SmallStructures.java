package org.mrpilot.cli.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mrpilot.physics.anatomy.Label;

/**
 * Seed 001 section 5.1.2: single-pixel and single-line structures planted in a T1 map (scenario E2) to measure
 * how much a method blurs them compared with the unchanged map (E1): a hypo-intense pixel (T1 = 400 ms) in grey
 * matter, and a hyper-intense pixel, vertical line and horizontal line (T1 = 1200 ms) in white matter.
 */
final class SmallStructures {
    static final int LINE = 9;

    record Structure(boolean[] pixels, boolean[] neighbourhood) {
    }

    final HeldOutHead planted;
    final Map<String, Structure> structures = new LinkedHashMap<>();
    private final boolean[] taken = new boolean[HeldOutHead.SIZE * HeldOutHead.SIZE];

    SmallStructures(HeldOutHead head) {
        planted = head.copy();
        plant(head, "hypo_point", Label.GREY_MATTER, 0, 0, 0.4f);
        plant(head, "hyper_point", Label.WHITE_MATTER, 0, 0, 1.2f);
        plant(head, "vertical_line", Label.WHITE_MATTER, 0, LINE / 2, 1.2f);
        plant(head, "horizontal_line", Label.WHITE_MATTER, LINE / 2, 0, 1.2f);
    }

    /** Finds a spot where a (2*halfW+1)x(2*halfH+1) structure has a 2-pixel margin of {@code tissue}, plants it. */
    private void plant(HeldOutHead head, String name, Label tissue, int halfW, int halfH, float t1) {
        int n = HeldOutHead.SIZE, margin = 2;
        for (int r = n / 4; r < 3 * n / 4; r++) {
            for (int c = n / 4; c < 3 * n / 4; c++) {
                if (!fits(head, tissue, r, c, halfW + margin, halfH + margin)) continue;
                boolean[] pixels = new boolean[n * n];
                boolean[] around = new boolean[n * n];
                for (int dr = -halfH - 1; dr <= halfH + 1; dr++) {
                    for (int dc = -halfW - 1; dc <= halfW + 1; dc++) {
                        int i = (r + dr) * n + c + dc;
                        boolean inside = Math.abs(dr) <= halfH && Math.abs(dc) <= halfW;
                        (inside ? pixels : around)[i] = true;
                        if (inside) planted.t1[i] = t1;
                    }
                }
                for (int dr = -halfH - 6; dr <= halfH + 6; dr++) {
                    for (int dc = -halfW - 6; dc <= halfW + 6; dc++) taken[(r + dr) * n + c + dc] = true;
                }
                structures.put(name, new Structure(pixels, around));
                return;
            }
        }
        throw new IllegalStateException("no place for " + name + " in the held-out slice");
    }

    private boolean fits(HeldOutHead head, Label tissue, int r, int c, int halfW, int halfH) {
        int n = HeldOutHead.SIZE;
        for (int dr = -halfH; dr <= halfH; dr++) {
            for (int dc = -halfW; dc <= halfW; dc++) {
                int i = (r + dr) * n + c + dc;
                if (!head.is(i, tissue) || taken[i]) return false;
            }
        }
        return true;
    }
}
