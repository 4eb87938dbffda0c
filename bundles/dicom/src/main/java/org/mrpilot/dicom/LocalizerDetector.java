package org.mrpilot.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/** Decides whether a series is a localizer and says why. */
final class LocalizerDetector {
    /** Names vendors give localizers (Siemens "localizer", GE "3-plane loc", Philips "survey", "scout", "tripilot"). */
    private static final Pattern DESCRIPTION = Pattern.compile("(?i).*(locali[sz]er|scout|survey|tri-?pilot|3-?plane|\\bloc\\b).*");
    /** Normals within ~5 degrees count as the same orientation; orthogonal within ~5 degrees as orthogonal. */
    private static final double SAME = Math.cos(Math.toRadians(5));
    private static final double ORTHOGONAL = Math.sin(Math.toRadians(5));

    private LocalizerDetector() {
    }

    static Optional<String> recognise(ReceivedSeries series) {
        for (String t : series.imageTypes()) {
            if (t.trim().toUpperCase(Locale.ROOT).equals("LOCALIZER")) return Optional.of("ImageType LOCALIZER");
        }
        if (DESCRIPTION.matcher(series.seriesDescription()).matches()) {
            return Optional.of("series description '" + series.seriesDescription() + "'");
        }
        if (threeOrthogonal(series.slices())) return Optional.of("three orthogonal orientations");
        return Optional.empty();
    }

    private static boolean threeOrthogonal(List<ImageSlice> slices) {
        List<Vec3> normals = new ArrayList<>();
        for (ImageSlice s : slices) {
            Vec3 n = s.normal();
            if (normals.stream().noneMatch(m -> Math.abs(m.dot(n)) > SAME)) normals.add(n);
        }
        for (int a = 0; a < normals.size(); a++)
            for (int b = a + 1; b < normals.size(); b++)
                for (int c = b + 1; c < normals.size(); c++)
                    if (Math.abs(normals.get(a).dot(normals.get(b))) < ORTHOGONAL && Math.abs(normals.get(a).dot(normals.get(c))) < ORTHOGONAL
                            && Math.abs(normals.get(b).dot(normals.get(c))) < ORTHOGONAL) return true;
        return false;
    }
}
