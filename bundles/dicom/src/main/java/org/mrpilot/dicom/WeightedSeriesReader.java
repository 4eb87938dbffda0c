package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;

/**
 * Reads a folder of DICOM files holding one weighted series for T1/T2 mapping: classic single-frame images, one per
 * inversion time (T1) or echo time (T2) at each slice position. Every file goes through the receiver's own parser and
 * checks; what mapping needs on top is refused with the file that breaks it: one series, one frame of reference, one
 * image size, spacing and orientation, the time in every header, and the same distinct times at every slice position.
 */
public final class WeightedSeriesReader {
    /** Far larger than any single-frame MR image; keeps a stray huge file from being read into memory whole. */
    private static final long MAX_FILE_BYTES = 256L << 20;
    /** Times closer than this (ms) are one time: DICOM decimal strings carry far fewer digits. */
    private static final double SAME_TIME_MS = 1e-3;
    private static final Set<String> MULTI_FRAME_MR = Set.of(SOPClass.EnhancedMRImageStorage, SOPClass.EnhancedMRColorImageStorage,
            SOPClass.LegacyConvertedEnhancedMRImageStorage);

    private WeightedSeriesReader() {
    }

    /** One file read and validated. */
    private record Image(Path file, Instance instance) {
        String name() {
            return file.getFileName().toString();
        }

        ImageSlice slice() {
            return instance.slice();
        }
    }

    /** The header attribute the times come from, as messages name it. */
    public static String timeAttribute(RelaxometryKind kind) {
        return kind == RelaxometryKind.T1 ? "InversionTime (0018,0082)" : "EchoTime (0018,0081)";
    }

    /**
     * @throws IllegalArgumentException naming the file and the reason when the folder is not one mappable series
     * @throws IOException when the folder or a file cannot be read
     */
    public static WeightedDicomSeries read(Path folder, RelaxometryKind kind) throws IOException {
        List<Image> images = new ArrayList<>();
        for (Path file : files(folder)) images.add(image(file));
        requireOneSeriesOnOneGrid(images);
        for (Image i : images) requireTime(i, kind);
        List<List<Image>> positions = byPosition(images);
        List<Image> firstTime = new ArrayList<>();
        for (List<Image> position : positions) {
            position.sort(Comparator.comparingDouble(i -> timeMs(i, kind)));
            requireDistinctTimes(position, kind);
            requireSameTimes(position, positions.get(0), kind);
            firstTime.add(position.get(0));
        }
        ReceivedSeries source = SeriesBuilder.series(firstTime.stream().map(Image::instance).toList(), folder, "");
        Volume grid = SeriesBuilder.volume(source).orElseThrow(() -> new IllegalArgumentException(
                folder + ": the slice positions are not evenly spaced along the slice normal; maps need a regular grid"));
        double[] timesS = positions.get(0).stream().mapToDouble(i -> timeMs(i, kind) / 1000).toArray();
        List<WeightedSeries> slices = new ArrayList<>();
        for (List<Image> position : positions) {
            float[][] pixels = position.stream().map(i -> i.slice().pixels()).toArray(float[][]::new);
            slices.add(new WeightedSeries(kind, timesS, grid.nx(), grid.ny(), pixels));
        }
        return new WeightedDicomSeries(kind, timesS, slices, source, grid);
    }

    /** The regular files directly in {@code folder}, by name; sub-folders are not searched. */
    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException(folder + " is not a folder");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException(folder + " holds no files (sub-folders are not searched: give the folder of one series)");
        return files;
    }

    private static Image image(Path file) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) throw new IllegalArgumentException(name + ": " + size + " bytes, larger than any single MR image");
        try {
            AttributeList list = Part10Parser.parse(Files.readAllBytes(file));
            if (MULTI_FRAME_MR.contains(Attribute.string(list, TagFromName.SOPClassUID)) || Attribute.integer(list, TagFromName.NumberOfFrames, 1) > 1) {
                throw new IllegalArgumentException(name + ": Enhanced MR (multi-frame) images are not supported; export the series as classic MR images, one file per image");
            }
            return new Image(file, InstanceReader.read(list));
        } catch (Rejection e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /** One series, one frame of reference, one image size, pixel spacing and orientation. */
    private static void requireOneSeriesOnOneGrid(List<Image> images) {
        Image a = images.get(0);
        for (Image b : images) {
            if (!b.instance().seriesInstanceUid().equals(a.instance().seriesInstanceUid())) {
                throw new IllegalArgumentException("the folder mixes series: " + a.name() + " is in " + a.instance().seriesInstanceUid() + ", "
                        + b.name() + " in " + b.instance().seriesInstanceUid() + " (give the folder of one series)");
            }
            if (!b.slice().frameOfReferenceUid().equals(a.slice().frameOfReferenceUid())) {
                throw new IllegalArgumentException("the series mixes frames of reference: " + a.name() + " has FrameOfReferenceUID "
                        + a.slice().frameOfReferenceUid() + ", " + b.name() + " has " + b.slice().frameOfReferenceUid());
            }
            if (b.slice().columns() != a.slice().columns() || b.slice().rows() != a.slice().rows()) {
                throw new IllegalArgumentException("images of different sizes: " + a.name() + " is " + size(a) + ", " + b.name() + " is " + size(b));
            }
            if (Math.abs(b.slice().rowSpacingMm() - a.slice().rowSpacingMm()) > 1e-6 || Math.abs(b.slice().columnSpacingMm() - a.slice().columnSpacingMm()) > 1e-6) {
                throw new IllegalArgumentException("images of different PixelSpacing (0028,0030): " + a.name() + " and " + b.name());
            }
            if (!SeriesBuilder.parallel(List.of(a.slice(), b.slice()))) {
                throw new IllegalArgumentException("images of different ImageOrientationPatient (0020,0037): " + a.name() + " and " + b.name()
                        + " (a weighted series is one parallel stack)");
            }
        }
    }

    private static String size(Image i) {
        return i.slice().columns() + "x" + i.slice().rows();
    }

    private static void requireTime(Image i, RelaxometryKind kind) {
        double ms = timeMs(i, kind);
        if (Double.isNaN(ms)) throw new IllegalArgumentException(i.name() + ": missing " + timeAttribute(kind) + ", which " + kind + " mapping reads the times from");
        if (!(ms >= 0) || Double.isInfinite(ms)) throw new IllegalArgumentException(i.name() + ": " + timeAttribute(kind) + " " + ms + " ms is not a time >= 0");
    }

    private static double timeMs(Image i, RelaxometryKind kind) {
        return kind == RelaxometryKind.T1 ? i.instance().tiMs() : i.instance().teMs();
    }

    /** The images grouped by slice position, positions ordered along the slice normal as {@link SeriesBuilder} orders them. */
    private static List<List<Image>> byPosition(List<Image> images) {
        Vec3 normal = images.get(0).slice().normal();
        Map<Long, List<Image>> groups = new TreeMap<>();
        for (Image i : images) groups.computeIfAbsent(SeriesBuilder.positionKey(i.slice(), normal), k -> new ArrayList<>()).add(i);
        for (List<Image> group : groups.values()) {
            Image a = group.get(0);
            for (Image b : group) {
                if (b.slice().positionMm().minus(a.slice().positionMm()).norm() > SeriesBuilder.SPACING_TOLERANCE_MM) {
                    throw new IllegalArgumentException("images at one slice position are shifted in plane: ImagePositionPatient (0020,0032) of "
                            + a.name() + " and " + b.name() + " differ");
                }
            }
        }
        return new ArrayList<>(groups.values());
    }

    /** {@code position} is sorted by time: equal neighbours are two images for one time. */
    private static void requireDistinctTimes(List<Image> position, RelaxometryKind kind) {
        for (int n = 1; n < position.size(); n++) {
            Image a = position.get(n - 1), b = position.get(n);
            if (timeMs(b, kind) - timeMs(a, kind) < SAME_TIME_MS) {
                throw new IllegalArgumentException(a.name() + " and " + b.name() + " have the same " + timeAttribute(kind) + " "
                        + Dataset.decimal(timeMs(a, kind)) + " ms at one slice position: the times must increase strictly");
            }
        }
    }

    private static void requireSameTimes(List<Image> position, List<Image> reference, RelaxometryKind kind) {
        boolean same = position.size() == reference.size();
        for (int n = 0; same && n < position.size(); n++) same = Math.abs(timeMs(position.get(n), kind) - timeMs(reference.get(n), kind)) < SAME_TIME_MS;
        if (!same) {
            throw new IllegalArgumentException("slice positions have different " + kind.timesName() + ": " + times(reference, kind) + " ms at "
                    + reference.get(0).name() + "'s position, " + times(position, kind) + " ms at " + position.get(0).name() + "'s");
        }
    }

    private static String times(List<Image> position, RelaxometryKind kind) {
        return position.stream().map(i -> Dataset.decimal(timeMs(i, kind))).toList().toString();
    }
}
