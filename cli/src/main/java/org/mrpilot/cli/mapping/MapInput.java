package org.mrpilot.cli.mapping;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;
import org.mrpilot.cli.UsageException;
import org.mrpilot.dicom.WeightedDicomSeries;
import org.mrpilot.dicom.WeightedSeriesReader;
import org.mrpilot.physics.io.NiftiImage;
import org.mrpilot.physics.io.NiftiReader;

/**
 * What `map` maps: one weighted series per slice, all at the same times, on one voxel grid. Both readers validate
 * everything before the command writes anything.
 *
 * @param slice     the weighted series of slice z (NIfTI input cuts it out on demand, so the input is held once)
 * @param affineRas the grid's voxel-to-world affine as NIfTI writes it
 * @param timesFrom where the times came from: "--times" or the DICOM attribute
 * @param dicom     the DICOM series read, or null for NIfTI input
 */
record MapInput(RelaxometryKind kind, double[] timesS, int columns, int rows, int slices, IntFunction<WeightedSeries> slice,
                double[] affineRas, String timesFrom, WeightedDicomSeries dicom) {
    /** --times and the DICOM headers agree when within a microsecond: header decimal strings carry far fewer digits. */
    static final double TIME_AGREEMENT_S = 1e-6;

    /** A 3D (x, y, n) or 4D (x, y, z, n) NIfTI image whose last axis is the weighted series; {@code timesS} are required. */
    static MapInput nifti(Path file, RelaxometryKind kind, double[] timesS) throws IOException {
        if (timesS == null) throw new UsageException("option --times is required for NIfTI input (only a DICOM folder carries its own times)");
        NiftiImage series = NiftiReader.read(file);
        int[] d = series.dims();
        int columns = d[0], rows = d[1], slices = d.length == 4 ? d[2] : 1, count = d[d.length - 1];
        if (count != timesS.length) {
            throw new IllegalArgumentException(timesS.length + " " + kind.timesName() + " given but the series has " + count + " images");
        }
        int plane = columns * rows;
        IntFunction<WeightedSeries> slice = z -> {
            float[][] images = new float[count][plane];
            for (int n = 0; n < count; n++) System.arraycopy(series.data(), (n * slices + z) * plane, images[n], 0, plane);
            return new WeightedSeries(kind, timesS, columns, rows, images);
        };
        slice.apply(0); // refuses bad times or values now, before anything is written
        return new MapInput(kind, timesS, columns, rows, slices, slice, series.affineRas(), "--times", null);
    }

    /** A folder of DICOM images holding one weighted series; {@code timesS}, when given, must agree with the headers. */
    static MapInput dicom(Path folder, RelaxometryKind kind, double[] timesS) throws IOException {
        WeightedDicomSeries series = WeightedSeriesReader.read(folder, kind);
        if (timesS != null) requireAgreement(kind, timesS, series.timesS());
        return new MapInput(kind, series.timesS(), series.grid().nx(), series.grid().ny(), series.grid().nz(), series.slices()::get,
                NiftiImage.affineOf(series.grid()), WeightedSeriesReader.timeAttribute(kind), series);
    }

    private static void requireAgreement(RelaxometryKind kind, double[] given, double[] headers) {
        String attribute = WeightedSeriesReader.timeAttribute(kind);
        if (given.length != headers.length) {
            throw new IllegalArgumentException("--times gives " + given.length + " " + kind.timesName() + " but the DICOM headers hold "
                    + headers.length + " (" + attribute + ": " + milliseconds(headers) + ")");
        }
        for (int i = 0; i < given.length; i++) {
            if (Math.abs(given[i] - headers[i]) > TIME_AGREEMENT_S) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--times disagrees with the DICOM headers at image %d: %s s given, %s is %s ms",
                        i + 1, given[i], attribute, milliseconds(headers[i])));
            }
        }
    }

    private static String milliseconds(double[] timesS) {
        return Arrays.stream(timesS).mapToObj(MapInput::milliseconds).toList() + " ms";
    }

    /** Seconds as milliseconds without binary-fraction noise (0.3 s -> "300"). */
    private static String milliseconds(double timeS) {
        return BigDecimal.valueOf(Math.round(timeS * 1e9) / 1e6).stripTrailingZeros().toPlainString();
    }
}
