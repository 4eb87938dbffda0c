package org.mrpilot.dicom;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/**
 * The review image: one localizer slice, windowed to 8 bits, with every planned slice drawn where it cuts the
 * localizer plane (or, for a slice parallel to it, as its outline), as a Secondary Capture image.
 */
final class ReviewWriter {
    private static final int LINE = 255;
    private static final int MAX_GREY = 200;
    /** Planned slices within ~8 degrees of the localizer plane are drawn as outlines, not as a filled cut. */
    private static final double PARALLEL = Math.cos(Math.toRadians(8));

    private ReviewWriter() {
    }

    static WrittenInstance write(ReceivedSeries localizer, int sliceIndex, List<SliceGroup> plan, int seriesNumber, LocalDateTime now) {
        ImageSlice slice = localizer.slices().get(sliceIndex);
        byte[] pixels = render(slice, plan);
        String uid = Dataset.newUid();
        String seriesUid = Dataset.newUid();
        Dataset d = ResultHeader.of(localizer, SOPClass.SecondaryCaptureImageStorage, uid, seriesUid, seriesNumber,
                "planned slices on localizer", "MR", 1, now);
        d.set("ConversionType", "WSD").set("ImageType", "DERIVED", "SECONDARY")
                .set("SamplesPerPixel", 1).set("PhotometricInterpretation", "MONOCHROME2").set("Rows", slice.rows()).set("Columns", slice.columns())
                .set("BitsAllocated", 8).set("BitsStored", 8).set("HighBit", 7).set("PixelRepresentation", 0)
                .set("BurnedInAnnotation", "YES").set("LossyImageCompression", "00")
                .set("DerivationDescription", plan.size() + " planned slice group(s) drawn on localizer image " + (sliceIndex + 1)
                        + " of series " + localizer.seriesNumber())
                .set("NominalScannedPixelSpacing", slice.rowSpacingMm(), slice.columnSpacingMm())
                .set("PixelSpacing", slice.rowSpacingMm(), slice.columnSpacingMm()).set("PatientOrientation");
        try {
            OtherByteAttribute a = new OtherByteAttribute(Dataset.tag("PixelData"));
            a.setValues(pixels);
            d.put(a);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
        return new WrittenInstance(SOPClass.SecondaryCaptureImageStorage, uid, seriesUid, d.toPart10());
    }

    static byte[] render(ImageSlice slice, List<SliceGroup> plan) {
        byte[] out = window(slice.pixels());
        double pixel = Math.max(slice.rowSpacingMm(), slice.columnSpacingMm());
        for (SliceGroup group : plan) {
            boolean parallel = Math.abs(group.normal().dot(slice.normal())) > PARALLEL;
            for (int s = 0; s < group.sliceCount(); s++) {
                Vec3 centre = group.sliceCentreMm(s);
                for (int r = 0; r < slice.rows(); r++) {
                    for (int c = 0; c < slice.columns(); c++) {
                        Vec3 d = slice.pixelToPatient(c, r).minus(centre);
                        double alongRead = Math.abs(d.dot(group.readDirection())) - group.fovReadMm() / 2;
                        double alongPhase = Math.abs(d.dot(group.phaseDirection())) - group.fovPhaseMm() / 2;
                        if (alongRead > 0 || alongPhase > 0) continue;
                        boolean onCut = parallel
                                ? Math.abs(d.dot(group.normal())) <= group.thicknessMm() / 2 && (alongRead > -pixel || alongPhase > -pixel)
                                : Math.abs(d.dot(group.normal())) <= pixel * 0.75;
                        if (onCut) out[r * slice.columns() + c] = (byte) LINE;
                    }
                }
            }
        }
        return out;
    }

    /** Greys from the 1st to the 99th percentile, kept below the line colour so the plan stands out. */
    private static byte[] window(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float lo = sorted[(int) (0.01 * (sorted.length - 1))];
        float hi = sorted[(int) (0.99 * (sorted.length - 1))];
        float span = Math.max(hi - lo, 1e-6f);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) Math.round(Math.min(1, Math.max(0, (values[i] - lo) / span)) * MAX_GREY);
        }
        return out;
    }
}
