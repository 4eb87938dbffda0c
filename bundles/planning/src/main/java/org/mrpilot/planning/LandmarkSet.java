package org.mrpilot.planning;

import java.util.List;

/**
 * The points the landmark net locates, in its output order: AC and PC, and three more points on the mid-sagittal
 * plane (anterior-superior, posterior-superior and superior, in the interhemispheric fissure) so the plane is fitted
 * from five points spread over the brain instead of resting on the short AC-PC baseline alone.
 */
public final class LandmarkSet {
    public static final List<String> NAMES = List.of("ac", "pc", "msp_anterior", "msp_posterior", "msp_superior");
    public static final int AC = 0;
    public static final int PC = 1;

    private LandmarkSet() {
    }
}
